package dev.fnbundle.fuzzy.phonetic;

import java.text.Normalizer;
import java.util.Locale;

/**
 * American Soundex as jellyfish computes it: NFKD-normalize, upper-case, keep the first character as is, code the
 * rest (BFPV=1, CGJKQSXZ=2, DT=3, L=4, MN=5, R=6), drop a code equal to the previous one (also across H and W, which
 * keep the previous code, but not across vowels), pad with zeros to four characters.
 *
 * <p>Examples: Robert and Rupert give R163, Tymczak T522, Ashcroft A261, Pfister P236 (the first letter's own code,
 * 1, swallows the F; variants that code the first letter separately give P123), Smith and Smyth S530, Cathy C300 and
 * Kathy K300 (Soundex keeps the first letter).
 */
final class Soundex {

    private static final String[] GROUPS = {"BFPV", "CGJKQSXZ", "DT", "L", "MN", "R"};

    private Soundex() {
    }

    static String encode(String text) {
        if (text.isEmpty()) {
            return "";
        }
        int[] s = Normalizer.normalize(text, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT).codePoints().toArray();
        StringBuilder result = new StringBuilder().appendCodePoint(s[0]);
        int count = 1;
        char last = digit(s[0]);
        for (int i = 1; i < s.length && count < 4; i++) {
            char code = digit(s[i]);
            if (code != 0) {
                if (code != last) {
                    result.append(code);
                    count++;
                }
                last = code;
            } else if (s[i] != 'H' && s[i] != 'W') {
                last = 0;
            }
        }
        result.append("0".repeat(4 - count));
        return result.toString();
    }

    /** @return the Soundex digit of a letter, or 0 for anything that has none */
    private static char digit(int codePoint) {
        for (int group = 0; group < GROUPS.length; group++) {
            if (codePoint < 0x80 && GROUPS[group].indexOf(codePoint) >= 0) {
                return (char) ('1' + group);
            }
        }
        return 0;
    }
}
