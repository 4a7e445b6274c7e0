package dev.fnbundle.fuzzy.phonetic;

import java.util.Arrays;
import java.util.Locale;

/**
 * NYSIIS (New York State Identification and Intelligence System) as jellyfish computes it: upper-case, rewrite the
 * prefixes MAC, KN, K, PH, PF, SCH and the suffixes IE, EE, DT, RT, RD, NT, ND, keep the first letter, translate the
 * rest (vowels to A, EV to AF, Q to G, Z to S, M to N, KN to N, K to C, SCH to SSS, PH to F, H and W after or before
 * vowels), collapse repeats, then drop a trailing S, turn a trailing AY into Y and drop a trailing A. The code is not
 * truncated. Examples: Catherine, Katherine and Katerina give CATARAN; Cathy and Kathy give CATY.
 */
final class Nysiis {

    private static final String VOWELS = "AEIOU";

    private Nysiis() {
    }

    /** The key text for the character at a position, and how many following characters it consumed. */
    private record Step(String chunk, int consumed) {
    }

    static String encode(String text) {
        if (text.isEmpty()) {
            return "";
        }
        int[] s = rewriteSuffix(rewritePrefix(text.toUpperCase(Locale.ROOT).codePoints().toArray()));
        StringBuilder key = new StringBuilder().appendCodePoint(s[0]);
        int lastAppended = s[0];
        for (int i = 1; i < s.length; i++) {
            Step step = translate(s, i);
            String chunk = step.chunk();
            int chunkLast = chunk.codePointBefore(chunk.length());
            if (chunkLast != lastAppended) {
                key.append(chunk);
                lastAppended = chunkLast;
            }
            i += step.consumed();
        }
        return trimEnding(key.toString());
    }

    private static Step translate(int[] s, int i) {
        int c = s[i];
        boolean hasNext = i + 1 < s.length;
        if (c == 'E' && hasNext && s[i + 1] == 'V') {
            return new Step("AF", 1);
        } else if (isVowel(c)) {
            return new Step("A", 0);
        } else if (c == 'Q') {
            return new Step("G", 0);
        } else if (c == 'Z') {
            return new Step("S", 0);
        } else if (c == 'M') {
            return new Step("N", 0);
        } else if (c == 'K') {
            return new Step(hasNext && s[i + 1] == 'N' ? "N" : "C", 0);
        } else if (c == 'S' && i + 2 < s.length && s[i + 1] == 'C' && s[i + 2] == 'H') {
            return new Step("SS", 2);
        } else if (c == 'P' && hasNext && s[i + 1] == 'H') {
            return new Step("F", 1);
        } else if (c == 'H' && (!isVowel(s[i - 1]) || hasNext && !isVowel(s[i + 1]) || !hasNext)) {
            return new Step(isVowel(s[i - 1]) ? "A" : Character.toString(s[i - 1]), 0);
        } else if (c == 'W' && isVowel(s[i - 1])) {
            return new Step(Character.toString(s[i - 1]), 0);
        }
        return new Step(Character.toString(c), 0);
    }

    private static int[] rewritePrefix(int[] s) {
        if (startsWith(s, "MAC")) {
            return replaceStart(s, 3, "MCC");
        } else if (startsWith(s, "KN")) {
            return Arrays.copyOfRange(s, 1, s.length);
        } else if (startsWith(s, "K")) {
            return replaceStart(s, 1, "C");
        } else if (startsWith(s, "PH") || startsWith(s, "PF")) {
            return replaceStart(s, 2, "FF");
        } else if (startsWith(s, "SCH")) {
            return replaceStart(s, 3, "SSS");
        }
        return s;
    }

    private static int[] rewriteSuffix(int[] s) {
        for (String ending : new String[] {"IE", "EE"}) {
            if (endsWith(s, ending)) {
                return replaceEnd(s, 'Y');
            }
        }
        for (String ending : new String[] {"DT", "RT", "RD", "NT", "ND"}) {
            if (endsWith(s, ending)) {
                return replaceEnd(s, 'D');
            }
        }
        return s;
    }

    private static String trimEnding(String key) {
        String result = key;
        if (result.endsWith("S") && !result.equals("S")) {
            result = result.substring(0, result.length() - 1);
        }
        if (result.endsWith("AY")) {
            result = result.substring(0, result.length() - 2) + "Y";
        }
        if (result.endsWith("A") && !result.equals("A")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static boolean isVowel(int codePoint) {
        return codePoint < 0x80 && VOWELS.indexOf(codePoint) >= 0;
    }

    private static boolean startsWith(int[] s, String prefix) {
        if (s.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(int[] s, String suffix) {
        int offset = s.length - suffix.length();
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (s[offset + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int[] replaceStart(int[] s, int removed, String replacement) {
        int[] result = new int[s.length - removed + replacement.length()];
        for (int i = 0; i < replacement.length(); i++) {
            result[i] = replacement.charAt(i);
        }
        System.arraycopy(s, removed, result, replacement.length(), s.length - removed);
        return result;
    }

    private static int[] replaceEnd(int[] s, int replacement) {
        int[] result = Arrays.copyOf(s, s.length - 1);
        result[result.length - 1] = replacement;
        return result;
    }
}
