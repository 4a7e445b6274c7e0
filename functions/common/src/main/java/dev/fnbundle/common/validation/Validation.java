package dev.fnbundle.common.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads fields out of a JSON object while collecting every problem, so a client learns about all its mistakes in
 * one 400 answer rather than one per round trip.
 *
 * <pre>{@code
 * var v = Validation.of(body);
 * String name = v.requiredText("name", 200);
 * int context = v.optionalInt("context", 3, 0, 100);
 * v.throwIfInvalid();
 * }</pre>
 *
 * <p>Getters return a harmless placeholder (null, the default) when a field is invalid; callers must call
 * {@link #throwIfInvalid()} before using the values. Not thread-safe.
 */
public final class Validation {
    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private Validation(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Starts validating a request body, which must be a JSON object.
     *
     * @throws InvalidFieldsException at once when the body is not an object: nothing else can be checked
     */
    public static Validation of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException("body", "must be a JSON object");
        }
        return new Validation(body, "", new ArrayList<>());
    }

    /** Validates a nested object under {@code field}, sharing this validation's error list; empty if absent. */
    public Optional<Validation> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            reject(field, "must be an object");
            return Optional.empty();
        }
        return Optional.of(new Validation(value, name(field) + ".", errors));
    }

    /** Like {@link #optionalObject} but the field must be present. */
    public Optional<Validation> requiredObject(String field) {
        if (absent(field)) {
            reject(field, "is required");
            return Optional.empty();
        }
        return optionalObject(field);
    }

    /** The raw node of a required field (any JSON type), or null after recording that it is missing. */
    public JsonNode required(String field) {
        if (absent(field)) {
            reject(field, "is required");
            return null;
        }
        return node.get(field);
    }

    /** A required non-blank string of at most {@code maxLength} characters. */
    public String requiredText(String field, int maxLength) {
        if (absent(field)) {
            reject(field, "is required");
            return null;
        }
        return optionalText(field, maxLength).orElse(null);
    }

    /** An optional string; when present it must be non-blank and at most {@code maxLength} characters. */
    public Optional<String> optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            reject(field, "must be a string");
            return Optional.empty();
        }
        String text = value.textValue();
        if (text.isBlank()) {
            reject(field, "must not be blank");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** An optional integer within [min, max], or {@code fallback} when absent. */
    public int optionalInt(String field, int fallback, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            reject(field, "must be an integer");
            return fallback;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            reject(field, "must be between " + min + " and " + max);
            return fallback;
        }
        return number;
    }

    /** An optional number within [min, max], or {@code fallback} when absent. */
    public double optionalNumber(String field, double fallback, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            reject(field, "must be a number");
            return fallback;
        }
        double number = value.doubleValue();
        if (!(number >= min && number <= max)) {
            reject(field, "must be between " + min + " and " + max);
            return fallback;
        }
        return number;
    }

    /** An optional boolean, or {@code fallback} when absent. */
    public boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    /** An optional array of non-blank strings (at most {@code maxItems}, each at most {@code maxLength}). */
    public List<String> optionalTextList(String field, int maxItems, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            reject(field, "must be an array of strings");
            return List.of();
        }
        if (value.size() > maxItems) {
            reject(field, "must have at most " + maxItems + " items");
            return List.of();
        }
        var items = new ArrayList<String>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemField = field + "[" + i + "]";
            if (!item.isTextual() || item.textValue().isBlank()) {
                reject(itemField, "must be a non-blank string");
            } else if (item.textValue().length() > maxLength) {
                reject(itemField, "must be at most " + maxLength + " characters");
            } else {
                items.add(item.textValue());
            }
        }
        return items;
    }

    /** Records a problem with a field of this object; the name is qualified with the enclosing path. */
    public void reject(String field, String detail) {
        errors.add(new FieldError(name(field), detail));
    }

    /** True when no problem has been recorded so far (in this object or any other sharing the list). */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** @throws InvalidFieldsException listing every recorded problem, if there is any (a 400) */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    private boolean absent(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull();
    }

    private String name(String field) {
        return prefix + field;
    }
}
