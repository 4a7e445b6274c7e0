package dev.fnbundle.configaudit;

/**
 * One invalid request field.
 *
 * @param field   JSON path of the field, e.g. {@code name} or {@code criticalKeys[2]}
 * @param message what is wrong, never quoting config content
 */
public record FieldError(String field, String message) {
}
