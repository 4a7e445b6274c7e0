package dev.fnbundle.fuzzy.search;

import dev.fnbundle.fuzzy.distance.JaroWinkler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The seed tutorial's {@code fuzzy_search}, line for line, with textdistance's numbers:
 * <pre>
 * combined = (jaro_winkler.normalized_similarity(q, t) + jaccard.normalized_similarity(q, t)) / 2
 * </pre>
 * on {@code q = query.lower()} and {@code t = item.lower()} (code points, Jaccard over character multisets), keeping
 * items with {@code combined >= threshold}, sorted by score descending with ties in catalog order (Python's sort is
 * stable), cut to {@code topN}. Both normalized similarities are {@code 1 - (1 - s)}, exactly as textdistance computes
 * them. This class scans every item; {@link CatalogIndex} gives the same results without doing so.
 */
public final class SeedRanker {

    /** The seed's default threshold. */
    public static final double DEFAULT_THRESHOLD = 0.4;
    /** The seed's default {@code top_n}. */
    public static final int DEFAULT_TOP_N = 3;

    /**
     * @param query     the query, not null
     * @param catalog   the items, not null, no null elements
     * @param threshold the minimum combined score, inclusive
     * @param topN      the maximum number of results; 0 or less gives none (Python's {@code results[:0]})
     * @return the results, best first; never null
     */
    public List<RankedText> search(String query, List<String> catalog, double threshold, int topN) {
        Objects.requireNonNull(query, "query");
        int[] q = lowered(query);
        List<RankedText> results = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            double combined = score(q, lowered(catalog.get(i)));
            if (combined >= threshold) {
                results.add(new RankedText(i, catalog.get(i), combined));
            }
        }
        // List.sort is stable, like Python's: equal scores keep catalog order.
        results.sort(Comparator.comparingDouble(RankedText::score).reversed());
        return List.copyOf(results.subList(0, Math.max(0, Math.min(topN, results.size()))));
    }

    /**
     * @return the seed's combined score of {@code query} against {@code item}, both lower-cased first
     */
    public double score(String query, String item) {
        return score(lowered(query), lowered(item));
    }

    /** Python's {@code str.lower()} as code points. */
    static int[] lowered(String text) {
        return text.toLowerCase(Locale.ROOT).codePoints().toArray();
    }

    static double score(int[] query, int[] item) {
        double jaroWinkler = JaroWinkler.similarity(query, item);
        double jaccard = jaccard(query, item);
        return (normalized(jaroWinkler) + normalized(jaccard)) / 2;
    }

    /** textdistance's {@code normalized_similarity} of a unit similarity: {@code 1 - (1 - s) / 1}. */
    static double normalized(double similarity) {
        return 1 - (1 - similarity);
    }

    /** textdistance's {@code jaccard(a, b)} at {@code qval=1}: character multisets. */
    private static double jaccard(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return 1;
        }
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int[] x = a.clone();
        int[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int intersection = SortedMultisets.intersectionSize(x, y);
        return (double) intersection / (a.length + b.length - intersection);
    }
}
