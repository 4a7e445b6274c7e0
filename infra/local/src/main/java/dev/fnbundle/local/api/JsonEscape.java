package dev.fnbundle.local.api;

/**
 * Escapes UTF-8 bytes as the contents of a JSON string, the way Jackson's {@code writeUTF8String} does (the short
 * escapes {@code \b \t \n \f \r \" \\}, a six-character unicode escape, backslash u 00XX, for the other
 * control characters, every other byte as it is), straight into an array sized exactly by a first pass: a request
 * body of megabytes becomes part of the event without a growing buffer copied at each doubling and copied once
 * more at the end.
 */
final class JsonEscape {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Per byte value below 0x80: 0 copied as is, a letter for a short escape, 'u' for a unicode escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private JsonEscape() {
    }

    /** The length of {@code utf8} escaped. */
    static int escapedLength(byte[] utf8) {
        long length = utf8.length;
        for (byte b : utf8) {
            if (b >= 0 && ESCAPES[b] != 0) {
                length += ESCAPES[b] == 'u' ? 5 : 1;
            }
        }
        if (length > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a body of " + utf8.length + " bytes is too large to escape");
        }
        return (int) length;
    }

    /** Writes {@code utf8} escaped into {@code into} from {@code at}; returns the position after it. */
    static int escape(byte[] utf8, byte[] into, int at) {
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b < 0 || ESCAPES[b] == 0) {
                continue;
            }
            System.arraycopy(utf8, start, into, at, i - start);
            at += i - start;
            start = i + 1;
            into[at++] = '\\';
            byte escape = ESCAPES[b];
            if (escape == 'u') {
                into[at++] = 'u';
                into[at++] = '0';
                into[at++] = '0';
                into[at++] = HEX[b >> 4];
                into[at++] = HEX[b & 0xF];
            } else {
                into[at++] = escape;
            }
        }
        System.arraycopy(utf8, start, into, at, utf8.length - start);
        return at + utf8.length - start;
    }
}
