package dev.fnbundle.local.api;

/**
 * Whether bytes are well-formed UTF-8, as a strict decoder judges them (no overlong forms, no surrogates, nothing
 * past U+10FFFF), without decoding them: a request body of megabytes is checked in one pass, no copy made.
 */
final class Utf8 {
    private Utf8() {
    }

    static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i);
            if (length < 0) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /** The length of the well-formed sequence whose lead byte (at or above 0x80) is at {@code i}, or -1. */
    static int sequenceLength(byte[] bytes, int i) {
        int lead = bytes[i];
        int following;
        int minimum;
        int codePoint;
        if ((lead & 0xE0) == 0xC0) {
            following = 1;
            minimum = 0x80;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            following = 2;
            minimum = 0x800;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            following = 3;
            minimum = 0x10000;
            codePoint = lead & 0x07;
        } else {
            return -1;
        }
        if (bytes.length - i <= following) {
            return -1;
        }
        for (int k = 1; k <= following; k++) {
            int next = bytes[i + k];
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            return -1;
        }
        return following + 1;
    }
}
