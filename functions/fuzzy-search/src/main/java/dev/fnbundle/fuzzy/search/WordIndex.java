package dev.fnbundle.fuzzy.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's vocabulary for the default ranker and for "did you mean": every distinct normalized word with its
 * Metaphone code and the items holding it, and every item's words as vocabulary ids. A query finds the words similar
 * to its own by rule (edits through {@link EditNeighbours}, prefixes through a {@link VocabularyTrie}, sound through
 * the Metaphone groups), then scores only the items holding one of them.
 */
final class WordIndex {

    private final WordForm[] vocabulary;
    private final int[] vocabularyLengths;
    private final Map<String, Integer> phoneticIds = new HashMap<>();
    /** For each Metaphone id, the vocabulary words with that code that can get the phonetic boost. */
    private final int[][] phoneticGroups;
    private final EditNeighbours neighbours;
    private final VocabularyTrie prefixes;
    private final int[][] postings;
    private final int[] itemOffsets;
    private final int[] itemWords;

    /** Indexes the texts: splits them into words, gives each distinct word an id in order of first appearance. */
    WordIndex(List<String> texts) {
        this(Parsed.of(texts));
    }

    private WordIndex(Parsed parsed) {
        this(parsed.vocabulary(), parsed.itemOffsets(), parsed.itemWords(), null, null);
    }

    /**
     * An index from its parts, as {@link IndexSnapshot} stores them; the rest is derived in linear passes.
     *
     * @param vocabulary   the distinct words, by id
     * @param itemOffsets  where each item's words start in {@code itemWords}, plus the end
     * @param itemWords    every item's words as vocabulary ids, in text order
     * @param editAlphabet the vocabulary's {@link Alphabet}, or null to count it here
     * @param trieOrder    the vocabulary ids in code point order, or null to sort them here
     */
    WordIndex(WordForm[] vocabulary, int[] itemOffsets, int[] itemWords, Alphabet editAlphabet, int[] trieOrder) {
        this.vocabulary = vocabulary;
        this.itemOffsets = itemOffsets;
        this.itemWords = itemWords;
        this.vocabularyLengths = new int[vocabulary.length];
        int[][] codePoints = new int[vocabulary.length][];
        for (int v = 0; v < vocabulary.length; v++) {
            codePoints[v] = vocabulary[v].codePoints();
            vocabularyLengths[v] = codePoints[v].length;
        }
        this.phoneticGroups = phoneticGroups();
        this.neighbours = new EditNeighbours(codePoints,
                editAlphabet != null ? editAlphabet : Alphabet.of(codePoints));
        this.prefixes = new VocabularyTrie(codePoints,
                trieOrder != null ? trieOrder : VocabularyTrie.sortedOrder(codePoints));
        this.postings = postings();
    }

    /** The texts split into words: the vocabulary in order of first appearance and each item's word ids. */
    private record Parsed(WordForm[] vocabulary, int[] itemOffsets, int[] itemWords) {
        static Parsed of(List<String> texts) {
            Map<String, Integer> ids = new HashMap<>();
            List<WordForm> forms = new ArrayList<>();
            int[] itemOffsets = new int[texts.size() + 1];
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
            return new Parsed(forms.toArray(new WordForm[0]), itemOffsets, Arrays.copyOf(words, count));
        }
    }

    private int[][] phoneticGroups() {
        int[] codes = new int[vocabulary.length];
        for (int v = 0; v < vocabulary.length; v++) {
            codes[v] = boostable(vocabulary[v])
                    ? phoneticIds.computeIfAbsent(vocabulary[v].metaphone(), code -> phoneticIds.size()) : -1;
        }
        int[] sizes = new int[phoneticIds.size()];
        for (int code : codes) {
            if (code >= 0) {
                sizes[code]++;
            }
        }
        int[][] groups = new int[sizes.length][];
        for (int p = 0; p < groups.length; p++) {
            groups[p] = new int[sizes[p]];
            sizes[p] = 0;
        }
        for (int v = 0; v < codes.length; v++) {
            if (codes[v] >= 0) {
                groups[codes[v]][sizes[codes[v]]++] = v;
            }
        }
        return groups;
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
     * The similarities of the query's words to the vocabulary, as {@link DefaultRanker#wordSimilarity} gives them:
     * each rule reports the words it lifts to the floor, and a word's similarity is the best of its rules.
     */
    WordMatches similarities(List<WordForm> query) {
        WordMatches matches = new WordMatches(query.size());
        for (int i = 0; i < query.size(); i++) {
            WordForm word = query.get(i);
            int index = i;
            neighbours.match(word.codePoints(), (v, similarity) -> matches.raise(v, index, similarity));
            prefixes.matchPrefixes(word.codePoints(), (v, similarity) -> matches.raise(v, index, similarity));
            Integer code = boostable(word) ? phoneticIds.get(word.metaphone()) : null;
            if (code != null) {
                for (int v : phoneticGroups[code]) {
                    matches.raise(v, i, DefaultRanker.PHONETIC_SIMILARITY);
                }
            }
        }
        return matches;
    }

    /** @return whether the word can get the phonetic boost: at least 3 code points and a non-empty code */
    private static boolean boostable(WordForm form) {
        return form.codePoints().length >= 3 && !form.metaphone().isEmpty();
    }

    /** @return the ascending positions of the items holding vocabulary word {@code v}; not to be modified */
    int[] itemsHolding(int v) {
        return postings[v];
    }

    /** @return the default score of an item from the query's similarity rows */
    double score(List<WordForm> query, WordMatches similarities, int position) {
        int from = itemOffsets[position];
        int length = itemOffsets[position + 1] - from;
        double[][] rows = new double[length][];
        int[] lengths = new int[length];
        for (int k = 0; k < length; k++) {
            int v = itemWords[from + k];
            rows[k] = similarities.rowOf(v);
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

    /** @return the vocabulary by id; shared, not to be modified (for {@link IndexSnapshot}) */
    WordForm[] vocabulary() {
        return vocabulary;
    }

    /** @return where each item's words start in {@link #itemWords}, plus the end; shared, not to be modified */
    int[] itemOffsets() {
        return itemOffsets;
    }

    /** @return every item's words as vocabulary ids; shared, not to be modified */
    int[] itemWords() {
        return itemWords;
    }

    EditNeighbours neighbours() {
        return neighbours;
    }

    VocabularyTrie prefixes() {
        return prefixes;
    }
}
