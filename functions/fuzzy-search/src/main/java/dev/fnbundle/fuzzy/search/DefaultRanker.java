package dev.fnbundle.fuzzy.search;

import dev.fnbundle.fuzzy.distance.DamerauLevenshtein;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The default ranker: token-aware, typo-tolerant per word, with a phonetic boost. Deterministic.
 *
 * <p>Texts are split into words ({@link WordForm#split}). The similarity of a query word {@code q} to a title word
 * {@code t} is 1 when equal, else the largest of
 * <ul>
 *   <li>edit: {@code 1 - osa(q, t) / max(|q|, |t|)}, textdistance's damerau_levenshtein normalized similarity;</li>
 *   <li>prefix, for a partly typed word ({@code |q| >= 3}, {@code |t| > |q|}):
 *       {@code 0.9 * (1 - osa(q, t[0:|q|]) / |q|)}, so "prog" gets 0.9 against "programming";</li>
 *   <li>phonetic: 0.85 when both have at least 3 letters and equal, non-empty Metaphone codes;</li>
 * </ul>
 * and values below {@link #MATCH_FLOOR} count as 0. With {@code best(q)} the best similarity of {@code q} to any title
 * word, weights {@code w(q) = min(|q|, 10)} and {@code matched(t)} true when some query word reaches {@code t}:
 * <pre>
 * score = 0.85 * sum(w(q) * best(q)) / sum(w(q))  +  0.15 * sum(|t| for matched t) / sum(|t|)
 * </pre>
 * The first term rewards covering every query word; the second prefers titles with less unmatched text. Ties keep
 * catalog order. Because unmatched words contribute exactly 0, an item none of whose words reaches the floor scores
 * 0, which lets {@link CatalogIndex} score only items sharing a matching word.
 */
public final class DefaultRanker {

    /** Word similarities below this count as no match. */
    public static final double MATCH_FLOOR = 0.6;
    /** The similarity of two words with equal Metaphone codes (of at least 3 letters each). */
    static final double PHONETIC_SIMILARITY = 0.85;

    /**
     * Scans every item (the reference the index is tested against).
     *
     * @param query     the query, not null
     * @param catalog   the items, not null
     * @param threshold minimum score, inclusive
     * @param limit     maximum number of results
     * @return results, best first, ties in catalog order; never null
     */
    public List<RankedText> search(String query, List<String> catalog, double threshold, int limit) {
        List<WordForm> queryWords = forms(query);
        List<RankedText> results = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            double score = score(queryWords, forms(catalog.get(i)));
            if (score >= threshold) {
                results.add(new RankedText(i, catalog.get(i), score));
            }
        }
        results.sort(Comparator.comparingDouble(RankedText::score).reversed());
        return List.copyOf(results.subList(0, Math.max(0, Math.min(limit, results.size()))));
    }

    /** @return the score of {@code item} for {@code query}, in [0, 1] */
    public double score(String query, String item) {
        return score(forms(query), forms(item));
    }

    static List<WordForm> forms(String text) {
        return WordForm.split(text).stream().map(WordForm::of).toList();
    }

    static double score(List<WordForm> query, List<WordForm> title) {
        double[][] similarity = new double[title.size()][];
        for (int j = 0; j < title.size(); j++) {
            similarity[j] = new double[query.size()];
            for (int i = 0; i < query.size(); i++) {
                similarity[j][i] = wordSimilarity(query.get(i), title.get(j));
            }
        }
        int[] titleLengths = title.stream().mapToInt(word -> word.codePoints().length).toArray();
        return combine(query, similarity, titleLengths);
    }

    /**
     * The formula, from the similarities of every title word (rows) to every query word (columns); a null row means
     * all zeros. Sums run in a fixed order so the index and the scan give identical doubles.
     */
    static double combine(List<WordForm> query, double[][] similarity, int[] titleLengths) {
        if (query.isEmpty() || titleLengths.length == 0) {
            return 0;
        }
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < query.size(); i++) {
            double best = 0;
            for (double[] row : similarity) {
                best = row == null ? best : Math.max(best, row[i]);
            }
            int weight = weight(query.get(i));
            weighted += weight * best;
            weights += weight;
        }
        double matchedLength = 0;
        double titleLength = 0;
        for (int j = 0; j < titleLengths.length; j++) {
            matchedLength += matched(similarity[j]) ? titleLengths[j] : 0;
            titleLength += titleLengths[j];
        }
        return 0.85 * (weighted / weights) + 0.15 * (matchedLength / titleLength);
    }

    /** @return the weight of a query word: its length, at most 10 */
    static int weight(WordForm word) {
        return Math.min(word.codePoints().length, 10);
    }

    private static boolean matched(double[] row) {
        if (row != null) {
            for (double value : row) {
                if (value > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The word similarity described in the class comment, in [0, 1], 0 below {@link #MATCH_FLOOR}. */
    static double wordSimilarity(WordForm query, WordForm title) {
        int[] q = query.codePoints();
        int[] t = title.codePoints();
        int edit = DamerauLevenshtein.distance(q, t, true);
        int typos = q.length >= 3 && t.length > q.length
                ? DamerauLevenshtein.distance(q, Arrays.copyOf(t, q.length), true) : -1;
        double best = wordSimilarity(q.length, t.length, edit, typos);
        if (q.length >= 3 && t.length >= 3 && !query.metaphone().isEmpty()
                && query.metaphone().equals(title.metaphone())) {
            best = Math.max(best, PHONETIC_SIMILARITY);
        }
        return best;
    }

    /**
     * The edit and prefix parts of the word similarity from their distances; the one formula every path uses, so the
     * index and the scan produce the same doubles.
     *
     * @param edit  the restricted Damerau-Levenshtein distance of the words (0 when equal, which gives 1)
     * @param typos the distance of the query word to the title word's prefix of its length, or -1 when the prefix
     *              rule does not apply (query word shorter than 3, or title word not longer)
     * @return the larger of the two, or 0 below {@link #MATCH_FLOOR}
     */
    static double wordSimilarity(int queryLength, int titleLength, int edit, int typos) {
        double best = 1 - (double) edit / Math.max(queryLength, titleLength);
        if (typos >= 0) {
            best = Math.max(best, prefixSimilarity(queryLength, typos));
        }
        return best >= MATCH_FLOOR ? best : 0;
    }

    /** @return the prefix similarity of a query word with {@code typos} edits to a longer title word's prefix */
    static double prefixSimilarity(int queryLength, int typos) {
        return 0.9 * (1 - (double) typos / queryLength);
    }
}
