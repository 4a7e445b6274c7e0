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
    static Optional<String> suggest(WordIndex words, List<WordForm> query, double[][] similarities) {
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < query.size(); i++) {
            int best = -1;
            for (int v = 0; v < words.vocabularySize(); v++) {
                if (similarities[v] != null && similarities[v][i] > 0
                        && (best < 0 || better(words, similarities, i, v, best))) {
                    best = v;
                }
            }
            String word = best < 0 ? query.get(i).text() : words.word(best);
            changed |= !word.equals(query.get(i).text());
            corrected.add(word);
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    private static boolean better(WordIndex words, double[][] similarities, int i, int v, int best) {
        if (similarities[v][i] != similarities[best][i]) {
            return similarities[v][i] > similarities[best][i];
        }
        if (words.itemCount(v) != words.itemCount(best)) {
            return words.itemCount(v) > words.itemCount(best);
        }
        return words.word(v).compareTo(words.word(best)) < 0;
    }
}
