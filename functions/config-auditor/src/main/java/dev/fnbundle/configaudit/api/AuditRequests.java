package dev.fnbundle.configaudit.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.service.BaselineInput;

/**
 * Reads the JSON bodies of the auditor's endpoints (and queue messages), checking types only; the auditor checks
 * values. Wrong types are one 400 listing every such field.
 */
public final class AuditRequests {
    private AuditRequests() {
    }

    /**
     * {@code POST /audits}: {@code {"name", "baseline", "current", "format"?, "criticalKeys"?, "context"?,
     * "autojunk"?}}.
     *
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) for a body that is not an object, or
     *                                                               for wrong types
     */
    public static AuditRequest audit(JsonNode body) {
        var v = Validation.of(body);
        var request = new AuditRequest(JsonFields.string(v, body, "name"), JsonFields.string(v, body, "baseline"),
                JsonFields.string(v, body, "current"), JsonFields.string(v, body, "format"),
                JsonFields.strings(v, body, "criticalKeys"), JsonFields.integer(v, body, "context"),
                JsonFields.bool(v, body, "autojunk"));
        v.throwIfInvalid();
        return request;
    }

    /**
     * {@code POST /audits} from the body's text, read without a JSON tree ({@link AuditRequestReader}): the same
     * request, and the same errors, as {@link #audit(JsonNode)} on the parsed body.
     *
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) for a blank body, one that is not an
     *                                                               object, or wrong types
     * @throws dev.fnbundle.common.json.MalformedJsonException      (400) for a body that is not JSON
     */
    public static AuditRequest audit(String body) {
        return AuditRequestReader.read(body);
    }

    /**
     * The deployed side of an audit against a stored baseline.
     *
     * @param current  the deployed config text
     * @param context  unified-diff context lines, or null for 3
     * @param autojunk difflib's autojunk, or null for true
     */
    public record Current(String current, Integer context, Boolean autojunk) {
    }

    /** {@code POST /baselines/{name}/audit}: {@code {"current", "context"?, "autojunk"?}}. */
    public static Current current(JsonNode body) {
        var v = Validation.of(body);
        String current = JsonFields.string(v, body, "current");
        if (current == null && v.isValid()) {
            v.reject("current", "is required (it may be an empty string)");
        }
        var request = new Current(current, JsonFields.integer(v, body, "context"), JsonFields.bool(v, body,
                "autojunk"));
        v.throwIfInvalid();
        return request;
    }

    /** {@code PUT /baselines/{name}}: {@code {"content", "format"?, "criticalKeys"?, "sourceUrl"?}}. */
    public static BaselineInput baseline(JsonNode body) {
        var v = Validation.of(body);
        var input = new BaselineInput(JsonFields.string(v, body, "content"), JsonFields.string(v, body, "format"),
                JsonFields.strings(v, body, "criticalKeys"), JsonFields.string(v, body, "sourceUrl"));
        v.throwIfInvalid();
        return input;
    }
}
