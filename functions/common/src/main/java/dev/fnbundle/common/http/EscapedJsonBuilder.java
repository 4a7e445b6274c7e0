package dev.fnbundle.common.http;

import dev.fnbundle.common.json.Json;

/**
 * Writes a JSON answer by hand straight into the escaped bytes an {@link ApiResponse} carries ({@link EscapedJson}).
 * For an answer made of tens of thousands of strings (the order of a 40 000-node graph and its batches), each
 * string is checked and copied in one pass, where the shared mapper's generator copies it into its character buffer
 * and the escaping writer then reads every character again.
 *
 * <p>The caller writes the structure as the shared mapper writes it (no spaces: {@code {"order":[}) with
 * {@link #raw}, and the values with {@link #string} and {@link #number}; the bytes are then exactly those of
 * {@link ApiResponse#ok(Object)} for a value with that JSON. A string that is not plain printable ASCII is
 * quoted by the shared mapper itself, so its escapes are the mapper's by construction. Not thread-safe; used once.
 */
public final class EscapedJsonBuilder {
    private final EscapedJson.EscapingWriter out;

    public EscapedJsonBuilder() {
        out = new EscapedJson.EscapingWriter();
    }

    /**
     * A builder with room for about {@code expectedBytes} escaped bytes from the start: an answer of a megabyte
     * written into a buffer that doubles from 8 KiB is copied seven times over, which measured a tenth of the
     * orders answer's cost.
     */
    public EscapedJsonBuilder(int expectedBytes) {
        out = new EscapedJson.EscapingWriter(expectedBytes);
    }

    /** JSON structure, field names included, written as it is (escaped for the response like any JSON text). */
    public EscapedJsonBuilder raw(String json) {
        out.write(json, 0, json.length());
        return this;
    }

    /** One ASCII character of JSON structure ({@code ,} {@code [} ...), the cheap way to write one. */
    public EscapedJsonBuilder raw(char json) {
        out.writeAscii(json);
        return this;
    }

    /** The JSON string whose value is {@code value}, as the shared mapper quotes and escapes it. */
    public EscapedJsonBuilder string(String value) {
        if (!out.writePlainString(value)) {
            raw(Json.write(value));
        }
        return this;
    }

    /** How many escaped bytes are written so far: a position for {@link #again}. */
    public int length() {
        return out.length();
    }

    /**
     * Writes again what was written between two earlier {@link #length()} positions: JSON text that repeats a part
     * of the answer (a list's items, cut into groups) is copied instead of escaped a second time.
     */
    public EscapedJsonBuilder again(int from, int to) {
        out.copyWithin(from, to);
        return this;
    }

    /** A JSON number. */
    public EscapedJsonBuilder number(long value) {
        return raw(Long.toString(value));
    }

    EscapedJson build() {
        return out.written();
    }
}
