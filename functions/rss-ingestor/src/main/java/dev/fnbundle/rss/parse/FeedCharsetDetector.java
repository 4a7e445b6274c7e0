package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.WarningCode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a feed's bytes become characters: a byte-order mark first, then the XML declaration's
 * {@code encoding}, then the HTTP charset, then UTF-8. The document's own declaration wins over HTTP because
 * servers mislabel feeds far more often than feeds mislabel themselves (a disagreement is a warning).
 * Decoding is strict: bytes invalid in the chosen charset fail the parse with reason {@code encoding}.
 */
final class FeedCharsetDetector {
    private static final int SNIFF_BYTES = 1024;
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]{0,39})[\"']");

    /** The decoded character stream and the charset it uses. */
    record Decoded(Reader reader, Charset charset) {
    }

    private FeedCharsetDetector() {
    }

    /**
     * @param in       raw bytes; consumed, not closed
     * @param hint     the HTTP charset, or null
     * @param warnings receives {@code charset_mismatch}
     * @throws FeedParseException {@code encoding} when the declared encoding is unknown to the JDK
     */
    static Decoded open(InputStream in, Charset hint, WarningCollector warnings) {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        byte[] head = peek(buffered);
        Bom bom = Bom.of(head);
        skip(buffered, bom.length());
        Charset charset = choose(head, bom, hint, warnings);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Decoded(new InputStreamReader(buffered, decoder), charset);
    }

    private static Charset choose(byte[] head, Bom bom, Charset hint, WarningCollector warnings) {
        if (bom.charset() != null) {
            return bom.charset();
        }
        if (head.length >= 4 && head[0] == '<' && head[1] == 0 && head[2] == '?' && head[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 4 && head[0] == 0 && head[1] == '<' && head[2] == 0 && head[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        Charset declared = declared(head);
        if (declared == null) {
            return hint == null ? StandardCharsets.UTF_8 : hint;
        }
        if (declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32")) {
            // A multi-byte declaration read from single-byte text cannot be true; the bytes say ASCII-compatible.
            warnings.add(WarningCode.CHARSET_MISMATCH,
                    "declared " + declared.name() + " but the bytes are single-byte; read as UTF-8", 1);
            return StandardCharsets.UTF_8;
        }
        if (hint != null && !hint.equals(declared)) {
            warnings.add(WarningCode.CHARSET_MISMATCH, "HTTP charset " + hint.name()
                    + " disagrees with the declared " + declared.name() + "; the declaration was used", 1);
        }
        return declared;
    }

    private static Charset declared(byte[] head) {
        Matcher m = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FeedParseException(FeedParseReason.ENCODING, "unsupported encoding '" + name + "' declared",
                    1, 0, e);
        }
    }

    private static byte[] peek(BufferedInputStream in) {
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void skip(BufferedInputStream in, int bytes) {
        try {
            in.skipNBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Byte-order marks, longest first so UTF-32LE is not taken for UTF-16LE. */
    private enum Bom {
        UTF_32BE(new int[] {0x00, 0x00, 0xFE, 0xFF}, "UTF-32BE"),
        UTF_32LE(new int[] {0xFF, 0xFE, 0x00, 0x00}, "UTF-32LE"),
        UTF_8(new int[] {0xEF, 0xBB, 0xBF}, "UTF-8"),
        UTF_16BE(new int[] {0xFE, 0xFF}, "UTF-16BE"),
        UTF_16LE(new int[] {0xFF, 0xFE}, "UTF-16LE"),
        NONE(new int[0], null);

        private final int[] bytes;
        private final String charsetName;

        Bom(int[] bytes, String charsetName) {
            this.bytes = bytes;
            this.charsetName = charsetName;
        }

        static Bom of(byte[] head) {
            for (Bom bom : values()) {
                if (bom.matches(head)) {
                    return bom;
                }
            }
            return NONE;
        }

        private boolean matches(byte[] head) {
            if (head.length < bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if ((head[i] & 0xFF) != bytes[i]) {
                    return false;
                }
            }
            return true;
        }

        int length() {
            return bytes.length;
        }

        Charset charset() {
            return charsetName == null ? null : Charset.forName(charsetName);
        }
    }
}
