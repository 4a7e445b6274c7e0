package dev.fnbundle.fuzzy.search;

import dev.fnbundle.fuzzy.phonetic.PhoneticAlgorithm;
import dev.fnbundle.fuzzy.phonetic.PhoneticService;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word as the default ranker compares it: lower-cased, accents removed (NFKD without combining marks), with its
 * code points and its Metaphone code.
 *
 * @param text       the normalized word
 * @param codePoints its code points
 * @param metaphone  its Metaphone code (jellyfish's), possibly empty
 */
record WordForm(String text, int[] codePoints, String metaphone) {

    private static final PhoneticService PHONETIC = new PhoneticService();

    static WordForm of(String word) {
        return new WordForm(word, word.codePoints().toArray(), PHONETIC.encode(word, PhoneticAlgorithm.METAPHONE));
    }

    /**
     * Splits a text into normalized words: maximal runs of letters and digits after lower-casing and removing
     * accents. "Wi-Fi 6E Router" gives wi, fi, 6e, router.
     */
    static List<String> split(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length();) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
