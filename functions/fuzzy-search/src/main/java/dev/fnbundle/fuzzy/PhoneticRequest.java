package dev.fnbundle.fuzzy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.fuzzy.phonetic.PhoneticAlgorithm;

/**
 * {@code POST /phonetic}: {@code {"text", "algorithm"}}, the algorithm one of soundex, metaphone, nysiis,
 * match_rating_codex.
 *
 * @param text      the text to encode (may be empty)
 * @param algorithm the encoder
 */
record PhoneticRequest(String text, PhoneticAlgorithm algorithm) {

    /** The answer: {@code {"algorithm", "code"}}. */
    record Code(String algorithm, String code) {
    }

    /**
     * @throws dev.fnbundle.common.validation.InvalidFieldsException (400) for a missing or mistyped member
     * @throws UnknownAlgorithmException for an unknown algorithm (400 listing the valid names)
     */
    static PhoneticRequest read(JsonNode body) {
        var v = Validation.of(body);
        JsonNode text = v.required("text");
        if (text != null && !text.isTextual()) {
            v.reject("text", "must be a string");
        }
        String name = v.requiredText("algorithm", 64);
        v.throwIfInvalid();
        return new PhoneticRequest(text.textValue(), PhoneticAlgorithm.fromName(name));
    }
}
