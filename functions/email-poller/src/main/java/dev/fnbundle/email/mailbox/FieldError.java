package dev.fnbundle.email.mailbox;

/**
 * One invalid field of a request.
 *
 * @param field   the JSON path, e.g. {@code search.subject}
 * @param message what is wrong, without echoing the value
 */
public record FieldError(String field, String message) {
}
