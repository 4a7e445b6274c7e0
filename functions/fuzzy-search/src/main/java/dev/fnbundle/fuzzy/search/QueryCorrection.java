package dev.fnbundle.fuzzy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean": each query word replaced by its most similar catalog word under the default ranker's word
 * similarity (ties: the word held by more items, then the alphabetically first); words without any match stay.
 */
final class QueryCorrection {

    private QueryCorrection() {
    }

    /**
     * @param words        the catalog's vocabulary
     * @param query        the query's words
     * @param similarities {@link WordIndex#similarities} of those words
     * @return the corrected query, or empty when no word changes
     */
    static Optional<String> suggest(WordIndex words, List<WordForm> query, WordMatches similarities) {
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < query.size(); i++) {
            int best = -1;
            for (int k = 0; k < similarities.size(); k++) {
                if (similarities.row(k)[i] > 0 && (best < 0 || better(words, similarities, i, k, best))) {
                    best = k;
                }
            }
            String word = best < 0 ? query.get(i).text() : words.word(similarities.id(best));
            changed |= !word.equals(query.get(i).text());
            corrected.add(word);
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    /** Whether matched word {@code k} is a better correction of query word {@code i} than matched word {@code best}. */
    private static boolean better(WordIndex words, WordMatches similarities, int i, int k, int best) {
        double similarity = similarities.row(k)[i];
        double bestSimilarity = similarities.row(best)[i];
        if (similarity != bestSimilarity) {
            return similarity > bestSimilarity;
        }
        int v = similarities.id(k);
        int w = similarities.id(best);
        if (words.itemCount(v) != words.itemCount(w)) {
            return words.itemCount(v) > words.itemCount(w);
        }
        return words.word(v).compareTo(words.word(w)) < 0;
    }
}
