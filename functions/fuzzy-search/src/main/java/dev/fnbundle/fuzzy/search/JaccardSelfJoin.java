package dev.fnbundle.fuzzy.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All pairs of texts whose textdistance jaccard normalized similarity (character multisets, {@code qval=1}) reaches a
 * threshold {@code t}, without comparing every pair: prefix filtering with length filtering (Bayardo et al.'s
 * All-Pairs). Each text becomes the set of its (character, occurrence) tokens, so multiset Jaccard is set Jaccard;
 * tokens are ordered rarest first, and two texts with {@code J >= t} share a token among the first
 * {@code |x| - ceil(t |x|) + 1} of each, while {@code |y| >= t |x|}. Candidates are verified exactly. The filters use
 * {@code t - 1e-9}, which only lengthens prefixes, so rounding can never drop a pair.
 */
final class JaccardSelfJoin {

    /** A qualifying pair, {@code first < second}. */
    record Pair(int first, int second, double score) {
    }

    private static final double SAFETY = 1e-9;

    private final int[][] tokens;
    private final double threshold;
    private final double relaxed;
    private final Map<Integer, List<Integer>> index = new HashMap<>();
    private final int[] seen;
    private final List<Pair> pairs = new ArrayList<>();
    private final List<Integer> empty = new ArrayList<>();

    private JaccardSelfJoin(int[][] texts, double threshold) {
        this.tokens = rankedTokens(texts);
        this.threshold = threshold;
        this.relaxed = threshold - SAFETY;
        this.seen = new int[texts.length];
    }

    /**
     * @param texts     the texts as code points
     * @param threshold minimum normalized similarity, inclusive, above 0
     * @return every qualifying pair, by score descending, then first and second position
     */
    static List<Pair> pairs(int[][] texts, double threshold) {
        JaccardSelfJoin join = new JaccardSelfJoin(texts, threshold);
        Integer[] order = new Integer[texts.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> join.tokens[i].length).thenComparingInt(i -> i));
        for (int x : order) {
            join.add(x);
        }
        join.pairs.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparingInt(Pair::first)
                .thenComparingInt(Pair::second));
        return join.pairs;
    }

    /** Pairs text {@code x} with the shorter or equal texts already added, then indexes its prefix. */
    private void add(int x) {
        int size = tokens[x].length;
        if (size == 0) {
            // textdistance: two empty texts are identical (1), an empty and a non-empty one score 0.
            empty.forEach(y -> pairs.add(new Pair(Math.min(x, y), Math.max(x, y), 1.0)));
            empty.add(x);
            return;
        }
        int minSize = (int) Math.ceil(relaxed * size);
        int prefix = Math.min(size, size - minSize + 1);
        for (int k = 0; k < prefix; k++) {
            for (int y : index.getOrDefault(tokens[x][k], List.of())) {
                if (seen[y] != x + 1 && tokens[y].length >= minSize) {
                    seen[y] = x + 1;
                    double score = score(tokens[x], tokens[y]);
                    if (score >= threshold) {
                        pairs.add(new Pair(Math.min(x, y), Math.max(x, y), score));
                    }
                }
            }
        }
        for (int k = 0; k < prefix; k++) {
            index.computeIfAbsent(tokens[x][k], key -> new ArrayList<>()).add(x);
        }
    }

    /** textdistance's {@code normalized_similarity}: {@code 1 - (1 - I / (|x| + |y| - I))}. */
    private static double score(int[] x, int[] y) {
        int intersection = SortedMultisets.intersectionSize(x, y);
        double jaccard = (double) intersection / (x.length + y.length - intersection);
        return 1 - (1 - jaccard);
    }

    /** @return each text's (character, occurrence) tokens as ranks, rarest token first, sorted ascending */
    private static int[][] rankedTokens(int[][] texts) {
        Map<Long, Integer> ids = new HashMap<>();
        List<int[]> frequency = new ArrayList<>();
        long[][] keys = new long[texts.length][];
        for (int t = 0; t < texts.length; t++) {
            Map<Integer, Integer> occurrences = new HashMap<>();
            keys[t] = new long[texts[t].length];
            for (int k = 0; k < texts[t].length; k++) {
                int occurrence = occurrences.merge(texts[t][k], 1, Integer::sum);
                long key = ((long) texts[t][k] << 32) | occurrence;
                keys[t][k] = key;
                Integer id = ids.get(key);
                if (id == null) {
                    ids.put(key, frequency.size());
                    frequency.add(new int[] {0, frequency.size()});
                    id = frequency.size() - 1;
                }
                frequency.get(id)[0]++;
            }
        }
        int[][] byRarity = frequency.toArray(new int[0][]);
        Arrays.sort(byRarity, Comparator.comparingInt((int[] f) -> f[0]).thenComparingInt(f -> f[1]));
        int[] rankOfId = new int[byRarity.length];
        for (int rank = 0; rank < byRarity.length; rank++) {
            rankOfId[byRarity[rank][1]] = rank;
        }
        int[][] ranked = new int[texts.length][];
        for (int t = 0; t < texts.length; t++) {
            ranked[t] = new int[keys[t].length];
            for (int k = 0; k < keys[t].length; k++) {
                ranked[t][k] = rankOfId[ids.get(keys[t][k])];
            }
            Arrays.sort(ranked[t]);
        }
        return ranked;
    }
}
