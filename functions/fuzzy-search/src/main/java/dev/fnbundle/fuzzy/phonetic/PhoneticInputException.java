package dev.fnbundle.fuzzy.phonetic;

import dev.fnbundle.fuzzy.input.FuzzyException;

/**
 * A phonetic encoder cannot encode this text, e.g. the match rating codex accepts letters and spaces only (jellyfish
 * raises {@code ValueError} for anything else, including an empty text). Maps to 422.
 */
public final class PhoneticInputException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final String field;
    private final String reason;

    /**
     * @param algorithm the encoder name
     * @param field     the request field holding the text
     * @param reason    what the encoder requires
     */
    public PhoneticInputException(String algorithm, String field, String reason) {
        super(field + ": " + algorithm + " " + reason);
        this.algorithm = algorithm;
        this.field = field;
        this.reason = reason;
    }

    /** @return the encoder name */
    public String algorithm() {
        return algorithm;
    }

    /** @return the request field */
    public String field() {
        return field;
    }

    /** @return what the encoder requires */
    public String reason() {
        return reason;
    }
}
