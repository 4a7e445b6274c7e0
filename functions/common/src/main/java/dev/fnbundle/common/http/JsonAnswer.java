package dev.fnbundle.common.http;

/**
 * A JSON answer written by hand, token by token, straight into the bytes {@link ApiResponseWriter} copies into the
 * response (escaped once, as the string of the response's {@code body}), for an answer so large that mapping it
 * through Jackson is most of its handler's time (40 000 ordered names twice). The bytes are exactly those of
 * {@link ApiResponse#json} for a value Jackson would write as the same JSON: strings escaped as Jackson escapes
 * them ({@code "}, {@code \}, control characters; every other character as it is), and no whitespace. The caller
 * writes the punctuation and keeps the document well-formed.
 *
 * <pre>{@code
 * var json = new JsonAnswer().syntax("{\"names\":[");
 * ... json.string(name).syntax(",") ...
 * return ApiResponse.ok(json.syntax("]}"));
 * }</pre>
 */
public final class JsonAnswer {
    private final EscapedJson.EscapingWriter out = new EscapedJson.EscapingWriter();
    /** Scratch for a string that needs escapes: its JSON form, then escaped again into {@link #out}. */
    private final StringBuilder quoted = new StringBuilder();

    /** JSON punctuation or a field name's quoted form, as it should appear in the answer (e.g. {@code ,"n":}). */
    public JsonAnswer syntax(String json) {
        out.write(json, 0, json.length());
        return this;
    }

    /** A number. */
    public JsonAnswer number(long value) {
        out.writeSafeAscii(Long.toString(value));
        return this;
    }

    /** A string value, quoted and escaped. */
    public JsonAnswer string(String value) {
        if (plainAscii(value)) {
            out.writeSafeAscii((byte) '\\');
            out.writeSafeAscii((byte) '"');
            out.writeSafeAscii(value);
            out.writeSafeAscii((byte) '\\');
            out.writeSafeAscii((byte) '"');
            return this;
        }
        quoted.setLength(0);
        quoted.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\b' -> quoted.append("\\b");
                case '\t' -> quoted.append("\\t");
                case '\n' -> quoted.append("\\n");
                case '\f' -> quoted.append("\\f");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        quoted.append('"');
        out.write(quoted.toString(), 0, quoted.length());
        return this;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** True for printable ASCII without a quote or backslash: written as it is, twice escaped or not. */
    private static boolean plainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    EscapedJson escaped() {
        return out.toEscapedJson();
    }
}
