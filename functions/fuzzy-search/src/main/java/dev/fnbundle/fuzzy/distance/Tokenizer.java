package dev.fnbundle.fuzzy.distance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * textdistance's {@code _get_sequences}: turns two code point sequences into comparable token sequences. Tokens are
 * ints; for words and n-grams both sides share one id space, so equal tokens get equal ids.
 */
final class Tokenizer {

    /** Code points for which Python's {@code str.isspace()} is true: what {@code str.split()} splits on. */
    private static final int[] PYTHON_WHITESPACE = {
        0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
        0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
        0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
    };

    private Tokenizer() {
    }

    /**
     * @param a    first text as code points
     * @param b    second text as code points
     * @param qval 0 = words, 1 = code points, n = n-grams (texts shorter than n give no tokens)
     * @return the two token sequences; for qval 1 the inputs themselves
     */
    static int[][] tokenize(int[] a, int[] b, int qval) {
        if (qval == 1) {
            return new int[][] {a, b};
        }
        Map<String, Integer> ids = new HashMap<>();
        if (qval == 0) {
            return new int[][] {words(a, ids), words(b, ids)};
        }
        return new int[][] {ngrams(a, qval, ids), ngrams(b, qval, ids)};
    }

    /** @return true when Python's {@code str.split()} splits on this code point */
    static boolean isPythonWhitespace(int codePoint) {
        return Arrays.binarySearch(PYTHON_WHITESPACE, codePoint) >= 0;
    }

    private static int[] words(int[] text, Map<String, Integer> ids) {
        int[] tokens = new int[text.length];
        int count = 0;
        int start = -1;
        for (int i = 0; i <= text.length; i++) {
            boolean separator = i == text.length || isPythonWhitespace(text[i]);
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                tokens[count++] = id(new String(text, start, i - start), ids);
                start = -1;
            }
        }
        return Arrays.copyOf(tokens, count);
    }

    private static int[] ngrams(int[] text, int n, Map<String, Integer> ids) {
        int count = Math.max(0, text.length - n + 1);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = id(new String(text, i, n), ids);
        }
        return tokens;
    }

    private static int id(String token, Map<String, Integer> ids) {
        return ids.computeIfAbsent(token, key -> ids.size());
    }
}
