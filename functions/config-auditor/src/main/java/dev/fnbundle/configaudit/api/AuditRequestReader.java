package dev.fnbundle.configaudit.api;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code POST /audits} body straight into its request: a hand-written scanner over the body's characters,
 * no JSON tree and no parser buffers. The body is mostly two long strings with an escape per line; they are
 * decoded from the body's bytes eight at a time ({@link Latin1StringDecoder}), and a string holding a character
 * above U+00FF from its characters, its unescaped runs found with {@link String#indexOf} and copied whole.
 *
 * <p>Only the plain case is read here: one object of the request's own fields, each of its type (strings,
 * {@code null}, {@code true}/{@code false}, an integer of at most nine digits, an array of strings), JSON
 * whitespace, standard escapes. At anything else (malformed JSON, an unknown field, a wrong type, a longer
 * number, trailing content) it gives up, and the tree path ({@link Json#parse},
 * {@link AuditRequests#audit(com.fasterxml.jackson.databind.JsonNode)}) reads the body instead, so every error and
 * every unusual body is read exactly as it always was. A repeated field keeps its last value, as in the tree.
 * Linear in the body; never a regex.
 */
final class AuditRequestReader {
    private final String body;
    private final int n;
    private int at;
    /** Decodes strings from the body's bytes; null when they do not stand one to one for its characters. */
    private final Latin1StringDecoder latin1;
    /** Where strings with a character above U+00FF are decoded; sized on first use, then reused. */
    private StringBuilder scratch;
    /** Set when a string-or-null value was neither. */
    private boolean failed;
    private String name;
    private String baseline;
    private String current;
    private String format;
    private List<String> criticalKeys;
    private Integer context;
    private Boolean autojunk;
    /** Each side cut into lines while it was decoded, when it is plain ASCII; else null. */
    private TextLines baselineLines;
    private TextLines currentLines;
    /** The last string read was decoded from the body's bytes ({@link Latin1StringDecoder#lines()} is its). */
    private boolean decodedFromBytes;

    private AuditRequestReader(String body) {
        this.body = body;
        this.n = body.length();
        this.latin1 = Latin1StringDecoder.over(body);
    }

    /**
     * @throws InvalidFieldsException (400) for a blank body, one that is not an object, or wrong types
     * @throws dev.fnbundle.common.json.MalformedJsonException (400) for a body that is not JSON
     */
    static AuditRequest read(String body) {
        if (body.isBlank()) {
            throw new InvalidFieldsException("body", "is required");
        }
        if (body.length() <= Json.MAX_STRING_LENGTH) {
            AuditRequestReader reader = new AuditRequestReader(body);
            if (reader.object()) {
                return new AuditRequest(reader.name, reader.baseline, reader.current, reader.format,
                        reader.criticalKeys, reader.context, reader.autojunk, reader.baselineLines,
                        reader.currentLines);
            }
        }
        return AuditRequests.audit(Json.parse(body));
    }

    /** True when the whole body is one object of known, well-typed fields. */
    private boolean object() {
        if (!skip('{')) {
            return false;
        }
        if (skip('}')) {
            return end();
        }
        do {
            String field = string();
            if (field == null || !skip(':') || !member(field)) {
                return false;
            }
        } while (skip(','));
        return skip('}') && end();
    }

    private boolean member(String field) {
        whitespace();
        switch (field) {
            case "name" -> name = stringOrNull();
            case "baseline" -> {
                baseline = stringOrNull();
                baselineLines = linesOf(baseline);
            }
            case "current" -> {
                current = stringOrNull();
                currentLines = linesOf(current);
            }
            case "format" -> format = stringOrNull();
            case "criticalKeys" -> {
                return strings();
            }
            case "context" -> {
                return integer();
            }
            case "autojunk" -> {
                return bool();
            }
            default -> {
                return false;
            }
        }
        return !failed;
    }

    /** The lines of the string just read, when its decoder cut them. */
    private TextLines linesOf(String value) {
        return value != null && decodedFromBytes ? latin1.lines() : null;
    }

    private String stringOrNull() {
        if (literal("null")) {
            return null;
        }
        String value = at < n && body.charAt(at) == '"' ? string() : null;
        failed |= value == null;
        return value;
    }

    private boolean strings() {
        if (literal("null")) {
            criticalKeys = null;
            return true;
        }
        if (!skip('[')) {
            return false;
        }
        List<String> items = new ArrayList<>();
        if (!skip(']')) {
            do {
                String item = string();
                if (item == null) {
                    return false;
                }
                items.add(item);
            } while (skip(','));
            if (!skip(']')) {
                return false;
            }
        }
        criticalKeys = items;
        return true;
    }

    /** {@code -?(0|[1-9][0-9]{0,8})}: always an int, as Jackson reads it; longer numbers go to the tree path. */
    private boolean integer() {
        if (literal("null")) {
            context = null;
            return true;
        }
        int i = at;
        boolean negative = i < n && body.charAt(i) == '-';
        i += negative ? 1 : 0;
        int digits = i;
        int value = 0;
        while (i < n && body.charAt(i) >= '0' && body.charAt(i) <= '9' && i - digits < 10) {
            value = value * 10 + (body.charAt(i) - '0');
            i++;
        }
        int count = i - digits;
        if (count == 0 || count > 9 || count > 1 && body.charAt(digits) == '0' || !delimiter(i)) {
            return false;
        }
        at = i;
        context = negative ? -value : value;
        return true;
    }

    private boolean bool() {
        if (literal("null")) {
            autojunk = null;
        } else if (literal("true")) {
            autojunk = Boolean.TRUE;
        } else if (literal("false")) {
            autojunk = Boolean.FALSE;
        } else {
            return false;
        }
        return true;
    }

    /** A literal followed by what may follow a value. */
    private boolean literal(String word) {
        if (body.startsWith(word, at) && delimiter(at + word.length())) {
            at += word.length();
            return true;
        }
        return false;
    }

    private boolean delimiter(int i) {
        if (i >= n) {
            return true;
        }
        char c = body.charAt(i);
        return c == ',' || c == '}' || c == ']' || isWhitespace(c);
    }

    /**
     * A JSON string at the current position (whitespace before it skipped), or null when there is none or it
     * holds anything but characters from U+0020 and the standard escapes.
     */
    private String string() {
        whitespace();
        if (at >= n || body.charAt(at) != '"') {
            return null;
        }
        int start = at + 1;
        decodedFromBytes = false;
        if (latin1 != null) {
            int end = latin1.decode(start);
            if (end >= 0) {
                decodedFromBytes = true;
                return finish(latin1.value(), end - 1);
            }
            if (end == Latin1StringDecoder.REFUSED) {
                return null;
            }
        }
        return charString(start);
    }

    /** The string whose first character is at {@code start}, decoded from the body's characters. */
    private String charString(int start) {
        int quote = body.indexOf('"', start);
        int escape = body.indexOf('\\', start);
        if (quote < 0) {
            return null;
        }
        if (escape < 0 || escape > quote) {
            return noControl(start, quote) ? finish(body.substring(start, quote), quote) : null;
        }
        if (scratch == null) {
            scratch = new StringBuilder(n - start);
        }
        StringBuilder out = scratch;
        out.setLength(0);
        int i = start;
        while (true) {
            // The run up to the next quote or backslash is copied as it is.
            int stop = Math.min(quote, escape);
            if (!noControl(i, stop)) {
                return null;
            }
            out.append(body, i, stop);
            if (stop == quote) {
                return finish(out.toString(), quote);
            }
            i = unescape(out, stop + 1);
            if (i < 0) {
                return null;
            }
            if (quote < i) {
                quote = body.indexOf('"', i);
                if (quote < 0) {
                    return null;
                }
            }
            if (escape < i) {
                escape = body.indexOf('\\', i);
                escape = escape < 0 ? Integer.MAX_VALUE : escape;
            }
        }
    }

    private String finish(String value, int quote) {
        at = quote + 1;
        return value;
    }

    /** Decodes the escape whose letter is at {@code i}; the index after it, or -1 when it is not standard. */
    private int unescape(StringBuilder out, int i) {
        if (i >= n) {
            return -1;
        }
        char c = body.charAt(i);
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (i + 4 >= n) {
                    return -1;
                }
                int code = 0;
                for (int k = 1; k <= 4; k++) {
                    int digit = Character.digit(body.charAt(i + k), 16);
                    if (digit < 0 || body.charAt(i + k) > 'f') {
                        return -1;
                    }
                    code = code * 16 + digit;
                }
                out.append((char) code);
                return i + 5;
            }
            default -> {
                return -1;
            }
        }
        return i + 1;
    }

    /** JSON strings hold no raw control characters (Jackson refuses them). */
    private boolean noControl(int from, int to) {
        for (int i = from; i < to; i++) {
            if (body.charAt(i) < ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean skip(char c) {
        whitespace();
        if (at < n && body.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private boolean end() {
        whitespace();
        return at == n;
    }

    private void whitespace() {
        while (at < n && isWhitespace(body.charAt(at))) {
            at++;
        }
    }

    /** JSON's whitespace: space, tab, line feed, carriage return. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
