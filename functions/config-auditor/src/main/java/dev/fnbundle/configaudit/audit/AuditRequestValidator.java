package dev.fnbundle.configaudit.audit;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.difflib.TextLines;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.KeyGlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks an {@link AuditRequest} field by field (400s first, then the 413 body checks) and applies defaults. */
final class AuditRequestValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int DEFAULT_CONTEXT = 3;

    private AuditRequestValidator() {
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static ValidatedAudit validate(AuditRequest request, AuditLimits limits) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidFieldsException(List.of(new FieldError("", "a request body is required")));
        }
        if (request.name() == null || !NAME.matcher(request.name()).matches()) {
            errors.add(new FieldError("name", "must be 1-128 characters of A-Z a-z 0-9 . _ -, starting with a "
                    + "letter or digit"));
        }
        requireText(errors, "baseline", request.baseline());
        requireText(errors, "current", request.current());
        Optional<ConfigFormat> format = ConfigFormat.fromLabel(request.format());
        if (request.format() != null && format.isEmpty()) {
            errors.add(new FieldError("format", "must be one of ini, properties, yaml, json, nginx (or omitted)"));
        }
        int context = request.context() == null ? DEFAULT_CONTEXT : request.context();
        if (context < 0 || context > limits.maxContext()) {
            errors.add(new FieldError("context", "must be between 0 and " + limits.maxContext()));
        }
        List<KeyGlob> globs = criticalKeys(errors, request.criticalKeys(), limits);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        // Both sides' size and text first, then their line counts: the order of the 413s stays as it was.
        TextLines baseline = TextBodyCheck.checkedLines("baseline", request.baseline(), request.baselineLines(),
                limits.maxBytesPerSide());
        TextLines current = TextBodyCheck.checkedLines("current", request.current(), request.currentLines(),
                limits.maxBytesPerSide());
        TextBodyCheck.limitLines("baseline", baseline, limits.maxLinesPerSide());
        TextBodyCheck.limitLines("current", current, limits.maxLinesPerSide());
        boolean autojunk = request.autojunk() == null || request.autojunk();
        return new ValidatedAudit(request.name(), baseline, current, format, globs, context, autojunk);
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required (it may be an empty string)"));
        }
    }

    private static List<KeyGlob> criticalKeys(List<FieldError> errors, List<String> patterns, AuditLimits limits) {
        List<KeyGlob> globs = new ArrayList<>();
        if (patterns == null) {
            return globs;
        }
        if (patterns.size() > limits.maxCriticalKeys()) {
            errors.add(new FieldError("criticalKeys", "at most " + limits.maxCriticalKeys() + " patterns"));
            return globs;
        }
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            String field = "criticalKeys[" + i + "]";
            if (p == null || p.isBlank()) {
                errors.add(new FieldError(field, "must be a non-blank pattern"));
            } else if (p.length() > limits.maxPatternLength()) {
                errors.add(new FieldError(field, "must be at most " + limits.maxPatternLength() + " characters"));
            } else if (p.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError(field, "must not contain control characters"));
            } else {
                globs.add(KeyGlob.of(p));
            }
        }
        return globs;
    }
}
