package dev.fnbundle.configaudit.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.audit.AuditRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code POST /audits} body from its UTF-8 bytes with Jackson's streaming parser: no tree, no String of
 * the whole body, and the byte parser's faster string decoding (a 1.1 MB body of two configs is mostly two long
 * strings with an escape per line).
 *
 * <p>Only the well-formed case is read here: a body that is one JSON object, every known field of its expected
 * type, nothing after it. Anything else (malformed JSON, limits, a wrong type, trailing tokens, a byte order mark
 * or NUL bytes that Jackson's byte-level encoding detection would read otherwise than text) is read again by the
 * tree path ({@link AuditRequests#audit(com.fasterxml.jackson.databind.JsonNode)} over {@link Json#parse}), so
 * every error is exactly the one that path gives. A repeated field keeps its last value, as in the tree.
 */
final class AuditRequestReader {
    private String name;
    private String baseline;
    private String current;
    private String format;
    private List<String> criticalKeys;
    private Integer context;
    private Boolean autojunk;

    private AuditRequestReader() {
    }

    /**
     * @throws InvalidFieldsException (400) for a blank body, one that is not an object, or wrong types
     * @throws dev.fnbundle.common.json.MalformedJsonException (400) for a body that is not one JSON document
     */
    static AuditRequest read(byte[] body) {
        if (isBlank(body)) {
            throw new InvalidFieldsException("body", "is required");
        }
        if (plainUtf8Start(body)) {
            AuditRequestReader reader = new AuditRequestReader();
            try (JsonParser parser = Json.mapper().createParser(body)) {
                if (reader.object(parser)) {
                    return reader.request();
                }
            } catch (IOException e) {
                // Malformed or over a limit: the tree path below reports it as it always has.
            }
        }
        return AuditRequests.audit(Json.parse(new String(body, StandardCharsets.UTF_8)));
    }

    private AuditRequest request() {
        return new AuditRequest(name, baseline, current, format, criticalKeys, context, autojunk);
    }

    /** True when the body is one object whose known fields all have their types, and nothing follows it. */
    private boolean object(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            boolean typed = switch (field) {
                case "name" -> (name = string(p, value)) != null || value == JsonToken.VALUE_NULL;
                case "baseline" -> (baseline = string(p, value)) != null || value == JsonToken.VALUE_NULL;
                case "current" -> (current = string(p, value)) != null || value == JsonToken.VALUE_NULL;
                case "format" -> (format = string(p, value)) != null || value == JsonToken.VALUE_NULL;
                case "criticalKeys" -> strings(p, value);
                case "context" -> integer(p, value);
                case "autojunk" -> bool(value);
                default -> {
                    p.skipChildren();
                    yield true;
                }
            };
            if (!typed) {
                return false;
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null;
    }

    private static String string(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    private boolean strings(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            criticalKeys = null;
            return true;
        }
        if (value != JsonToken.START_ARRAY) {
            return false;
        }
        List<String> items = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
                return false;
            }
            items.add(p.getText());
        }
        criticalKeys = items;
        return true;
    }

    private boolean integer(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            context = null;
            return true;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return false;
        }
        context = p.getIntValue();
        return true;
    }

    private boolean bool(JsonToken value) {
        autojunk = switch (value) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
        return autojunk != null || value == JsonToken.VALUE_NULL;
    }

    /**
     * Whether Jackson's byte source detection reads these bytes as the UTF-8 text they are: it skips a UTF-8 byte
     * order mark and takes NUL bytes among the first four for UTF-16 or UTF-32, where the text parser sees
     * characters.
     */
    private static boolean plainUtf8Start(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return false;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#isBlank()} of the decoded body, decoding only when a non-ASCII byte makes it necessary. */
    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return new String(body, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
