package dev.fnbundle.fuzzy.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's vocabulary for the default ranker and for "did you mean": every distinct normalized word with its
 * Metaphone code and the items holding it, and every item's words as vocabulary ids. A query compares its words with
 * the vocabulary once (O(vocabulary · query words · word length²)), then scores only the items holding a word that
 * matched.
 */
final class WordIndex {

    private final WordForm[] vocabulary;
    private final int[] vocabularyLengths;
    private final long[] vocabularyMasks;
    private final Map<String, Integer> phoneticIds = new HashMap<>();
    private final int[] vocabularyPhonetics;
    private final int[][] postings;
    private final int[] itemOffsets;
    private final int[] itemWords;

    WordIndex(List<String> texts) {
        Map<String, Integer> ids = new HashMap<>();
        List<WordForm> forms = new ArrayList<>();
        this.itemOffsets = new int[texts.size() + 1];
        int[] words = new int[16];
        int count = 0;
        for (int position = 0; position < texts.size(); position++) {
            for (String word : WordForm.split(texts.get(position))) {
                Integer id = ids.get(word);
                if (id == null) {
                    id = forms.size();
                    ids.put(word, id);
                    forms.add(WordForm.of(word));
                }
                if (count == words.length) {
                    words = Arrays.copyOf(words, count * 2);
                }
                words[count++] = id;
            }
            itemOffsets[position + 1] = count;
        }
        this.itemWords = Arrays.copyOf(words, count);
        this.vocabulary = forms.toArray(new WordForm[0]);
        this.vocabularyLengths = forms.stream().mapToInt(form -> form.codePoints().length).toArray();
        this.vocabularyMasks = forms.stream().mapToLong(form -> mask(form.codePoints())).toArray();
        this.vocabularyPhonetics = new int[forms.size()];
        for (int v = 0; v < forms.size(); v++) {
            WordForm form = forms.get(v);
            vocabularyPhonetics[v] = boostable(form)
                    ? phoneticIds.computeIfAbsent(form.metaphone(), code -> phoneticIds.size()) : -1;
        }
        this.postings = postings();
    }

    /** @return for each vocabulary id, the ascending positions of the items holding the word (each once) */
    private int[][] postings() {
        int[] sizes = new int[vocabulary.length];
        int[] lastItem = new int[vocabulary.length];
        Arrays.fill(lastItem, -1);
        forEachDistinctWord((position, v) -> sizes[v]++, lastItem);
        int[][] lists = new int[vocabulary.length][];
        for (int v = 0; v < lists.length; v++) {
            lists[v] = new int[sizes[v]];
            sizes[v] = 0;
        }
        Arrays.fill(lastItem, -1);
        forEachDistinctWord((position, v) -> lists[v][sizes[v]++] = position, lastItem);
        return lists;
    }

    /** Receives each (item, vocabulary id) pair once. */
    private interface WordVisitor {
        void visit(int position, int v);
    }

    private void forEachDistinctWord(WordVisitor visitor, int[] lastItem) {
        for (int position = 0; position + 1 < itemOffsets.length; position++) {
            for (int k = itemOffsets[position]; k < itemOffsets[position + 1]; k++) {
                int v = itemWords[k];
                if (lastItem[v] != position) {
                    lastItem[v] = position;
                    visitor.visit(position, v);
                }
            }
        }
    }

    /**
     * @return for each vocabulary id, the similarities of that word to every query word, or null when it matches
     *         none of them
     */
    double[][] similarities(List<WordForm> query) {
        double[][] rows = new double[vocabulary.length][];
        long[] queryMasks = query.stream().mapToLong(form -> mask(form.codePoints())).toArray();
        int[] queryPhonetics = query.stream()
                .mapToInt(form -> boostable(form) ? phoneticIds.getOrDefault(form.metaphone(), -2) : -3).toArray();
        for (int v = 0; v < vocabulary.length; v++) {
            for (int i = 0; i < query.size(); i++) {
                if (queryPhonetics[i] != vocabularyPhonetics[v] && !mayMatch(query.get(i), queryMasks[i], v)) {
                    continue;
                }
                double similarity = DefaultRanker.wordSimilarity(query.get(i), vocabulary[v]);
                if (similarity > 0) {
                    if (rows[v] == null) {
                        rows[v] = new double[query.size()];
                    }
                    rows[v][i] = similarity;
                }
            }
        }
        return rows;
    }

    /** @return whether the word can get the phonetic boost: at least 3 code points and a non-empty code */
    private static boolean boostable(WordForm form) {
        return form.codePoints().length >= 3 && !form.metaphone().isEmpty();
    }

    /**
     * False only when {@link DefaultRanker#wordSimilarity} is certainly 0, given that the phonetic boost does not
     * apply (the caller checks equal Metaphone ids first). An edit distance is at least the length
     * difference and at least the number of character classes (64 hashed buckets) that either word has and the other
     * lacks, since one edit adds or removes at most one character on each side; the same holds for the query word
     * against the title word's prefix of equal length. When both bounds exceed what the 0.6 floor allows
     * (edit: more than 0.4 of the longer word; prefix: more than a third of the query word, with a margin of at least
     * {@code 1 / (5 * length)} that rounding cannot cross), the similarity is 0.
     */
    private boolean mayMatch(WordForm query, long queryMask, int v) {
        int q = query.codePoints().length;
        int t = vocabularyLengths[v];
        long wordMask = vocabularyMasks[v];
        int editLowerBound = Math.max(Math.abs(q - t),
                Math.max(Long.bitCount(queryMask & ~wordMask), Long.bitCount(wordMask & ~queryMask)));
        if (5 * editLowerBound <= 2 * Math.max(q, t)) {
            return true;
        }
        if (q < 3 || t <= q) {
            return false;
        }
        long prefixMask = mask(vocabulary[v].codePoints(), q);
        int prefixLowerBound = Math.max(Long.bitCount(queryMask & ~prefixMask),
                Long.bitCount(prefixMask & ~queryMask));
        return 3 * prefixLowerBound <= q;
    }

    /** @return a 64-bucket set of the word's code points */
    private static long mask(int[] codePoints) {
        return mask(codePoints, codePoints.length);
    }

    /** @return a 64-bucket set of the first {@code length} code points */
    private static long mask(int[] codePoints, int length) {
        long mask = 0;
        for (int k = 0; k < length; k++) {
            mask |= 1L << ((codePoints[k] * 0x9E3779B9) >>> 26);
        }
        return mask;
    }

    /** @return the ascending positions of the items holding vocabulary word {@code v}; not to be modified */
    int[] itemsHolding(int v) {
        return postings[v];
    }

    /** @return the default score of an item from the query's similarity rows */
    double score(List<WordForm> query, double[][] similarities, int position) {
        int from = itemOffsets[position];
        int length = itemOffsets[position + 1] - from;
        double[][] rows = new double[length][];
        int[] lengths = new int[length];
        for (int k = 0; k < length; k++) {
            int v = itemWords[from + k];
            rows[k] = similarities[v];
            lengths[k] = vocabularyLengths[v];
        }
        return DefaultRanker.combine(query, rows, lengths);
    }

    /** @return the number of distinct words */
    int vocabularySize() {
        return vocabulary.length;
    }

    /** @return the normalized text of vocabulary word {@code v} */
    String word(int v) {
        return vocabulary[v].text();
    }

    /** @return how many items hold vocabulary word {@code v} */
    int itemCount(int v) {
        return postings[v].length;
    }
}
