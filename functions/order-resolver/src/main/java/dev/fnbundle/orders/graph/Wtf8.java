package dev.fnbundle.orders.graph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte form in which node names are interned: UTF-8, except that a surrogate without its partner is written
 * as its own 3-byte sequence instead of being replaced (the "WTF-8" of the WHATWG). Every Java String has exactly
 * one such form and reads back unchanged, which plain UTF-8 cannot promise for a string holding a lone surrogate
 * (Python's {@code json.loads} keeps {@code "\ud800"} as a lone code point, and so must we).
 */
final class Wtf8 {
    private Wtf8() {
    }

    /** The canonical bytes of {@code text}. */
    static byte[] encode(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && text.charAt(i) < 0x80) {
            i++;
        }
        if (i == n) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] out = new byte[i + (n - i) * 3];
        for (int k = 0; k < i; k++) {
            out[k] = (byte) text.charAt(k);
        }
        int at = i;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                at = putCodePoint(out, at, Character.toCodePoint(c, text.charAt(++i)));
            } else {
                at = putCodePoint(out, at, c);
            }
        }
        return Arrays.copyOf(out, at);
    }

    /**
     * Appends one code point (a lone surrogate counts as one) to {@code out} at {@code at}; returns the new end.
     * The caller makes room for four bytes.
     */
    static int putCodePoint(byte[] out, int at, int cp) {
        if (cp < 0x80) {
            out[at] = (byte) cp;
            return at + 1;
        }
        if (cp < 0x800) {
            out[at] = (byte) (0xC0 | cp >> 6);
            out[at + 1] = (byte) (0x80 | cp & 0x3F);
            return at + 2;
        }
        if (cp < 0x10000) {
            out[at] = (byte) (0xE0 | cp >> 12);
            out[at + 1] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[at + 2] = (byte) (0x80 | cp & 0x3F);
            return at + 3;
        }
        out[at] = (byte) (0xF0 | cp >> 18);
        out[at + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[at + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[at + 3] = (byte) (0x80 | cp & 0x3F);
        return at + 4;
    }

    /** The String of canonical bytes {@code bytes[offset, offset + length)}. */
    static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int n = 0;
        for (i = offset; i < end; ) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
                i++;
            } else if (b < 0xE0) {
                chars[n++] = (char) ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
                i += 2;
            } else if (b < 0xF0) {
                chars[n++] = (char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F);
                i += 3;
            } else {
                int cp = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6
                        | bytes[i + 3] & 0x3F;
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(chars, 0, n);
    }
}
