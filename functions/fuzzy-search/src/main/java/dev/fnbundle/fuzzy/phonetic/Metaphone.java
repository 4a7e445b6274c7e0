package dev.fnbundle.fuzzy.phonetic;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lawrence Philips' original Metaphone as jellyfish computes it, quirks included: the text is lower-cased and
 * NFKD-normalized, a leading KN, GN, PN, WR or AE drops its first letter, doubled letters other than C count once,
 * vowels are kept only at the start of a word, words stay separated by one space, and the code is upper case and not
 * truncated ("TH" is coded {@code 0}). jellyfish's B after M is always kept and its "GN" at the end is coded K, because
 * its look-ahead placeholder for "past the end" is a non-empty string; this port does the same.
 *
 * <p>Examples: Smith and Smyth give SM0, Cathy and Kathy K0, Knight NT, Thompson 0MPSN.
 */
final class Metaphone {

    /** Stands for jellyfish's "*****" look-ahead past the end: equal to no letter. */
    private static final int END = -1;

    private Metaphone() {
    }

    static String encode(String text) {
        int[] s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).codePoints().toArray();
        int start = startsWithAny(s, "kn", "gn", "pn", "wr", "ae") ? 1 : 0;
        int[] word = Arrays.copyOfRange(s, start, s.length);
        StringBuilder result = new StringBuilder();
        int i = 0;
        while (i < word.length) {
            int c = word[i];
            int next = i < word.length - 1 ? word[i + 1] : END;
            int nextNext = i < word.length - 2 ? word[i + 2] : END;
            if (c == next && c != 'c') {
                i++;
                continue;
            }
            i += code(word, i, c, next, nextNext, result);
            i++;
        }
        return result.toString().toUpperCase(Locale.ROOT);
    }

    /** Appends the code of {@code c} at {@code i}; returns how many following letters it consumed. */
    private static int code(int[] s, int i, int c, int next, int nextNext, StringBuilder out) {
        int previous = i == 0 ? END : s[i - 1];
        switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> {
                if (i == 0 || previous == ' ') {
                    out.appendCodePoint(c);
                }
            }
            case 'b', 'f', 'j', 'l', 'm', 'n', 'r' -> out.appendCodePoint(c);
            case 'c' -> {
                return codeC(next, nextNext, out);
            }
            case 'd' -> {
                if (next == 'g' && in(nextNext, "iey")) {
                    out.append('j');
                    return 2;
                }
                out.append('t');
            }
            case 'g' -> {
                return codeG(next, nextNext, out);
            }
            case 'h' -> {
                if (i == 0 || in(next, "aeiou") || !in(previous, "aeiou")) {
                    out.append('h');
                }
            }
            case 'k' -> {
                if (i == 0 || previous != 'c') {
                    out.append('k');
                }
            }
            case 'p' -> {
                out.append(next == 'h' ? 'f' : 'p');
                return next == 'h' ? 1 : 0;
            }
            case 'q' -> out.append('k');
            case 's' -> {
                return codeS(next, nextNext, out);
            }
            case 't' -> {
                return codeT(next, nextNext, out);
            }
            case 'v' -> out.append('f');
            case 'w' -> {
                return codeW(i, next, out);
            }
            case 'x' -> codeX(i, next, nextNext, out);
            case 'y' -> {
                if (in(next, "aeiou")) {
                    out.append('y');
                }
            }
            case 'z' -> out.append('s');
            case ' ' -> {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            }
            default -> {
                // Digits, punctuation, combining marks and other scripts have no code.
            }
        }
        return 0;
    }

    private static int codeC(int next, int nextNext, StringBuilder out) {
        if (next == 'i' && nextNext == 'a' || next == 'h') {
            out.append('x');
            return 1;
        }
        if (in(next, "iey")) {
            out.append('s');
            return 1;
        }
        out.append('k');
        return 0;
    }

    private static int codeG(int next, int nextNext, StringBuilder out) {
        if (in(next, "iey")) {
            out.append('j');
        } else if (next == 'h' && !in(nextNext, "aeiou")) {
            return 1;
        } else {
            out.append('k');
        }
        return 0;
    }

    private static int codeS(int next, int nextNext, StringBuilder out) {
        if (next == 'h') {
            out.append('x');
            return 1;
        }
        if (next == 'i' && in(nextNext, "oa")) {
            out.append('x');
            return 2;
        }
        out.append('s');
        return 0;
    }

    private static int codeT(int next, int nextNext, StringBuilder out) {
        if (next == 'i' && in(nextNext, "oa")) {
            out.append('x');
        } else if (next == 'h') {
            out.append('0');
            return 1;
        } else if (next != 'c' || nextNext != 'h') {
            out.append('t');
        }
        return 0;
    }

    private static int codeW(int i, int next, StringBuilder out) {
        if (i == 0 && next == 'h') {
            out.append('w');
            return 1;
        }
        if (in(next, "aeiou")) {
            out.append('w');
        }
        return 0;
    }

    private static void codeX(int i, int next, int nextNext, StringBuilder out) {
        if (i != 0) {
            out.append("ks");
        } else if (next == 'h' || next == 'i' && in(nextNext, "oa")) {
            out.append('x');
        } else {
            out.append('s');
        }
    }

    private static boolean in(int codePoint, String letters) {
        return codePoint >= 0 && codePoint < 0x80 && letters.indexOf(codePoint) >= 0;
    }

    private static boolean startsWithAny(int[] s, String... prefixes) {
        for (String prefix : prefixes) {
            if (s.length >= 2 && s[0] == prefix.charAt(0) && s[1] == prefix.charAt(1)) {
                return true;
            }
        }
        return false;
    }
}
