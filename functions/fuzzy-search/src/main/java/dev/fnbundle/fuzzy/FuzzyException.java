package dev.fnbundle.fuzzy;

/**
 * Base of every exception the fuzzy-search core throws on bad input. Each subclass carries the details an error
 * response needs as accessors; messages never contain the compared or searched text itself.
 */
public abstract sealed class FuzzyException extends RuntimeException
        permits UnknownAlgorithmException, InputTooLongException,
        UnsupportedOptionException, UndefinedSimilarityException, DuplicateItemIdException,
        PhoneticInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message a message safe for logs and responses
     */
    protected FuzzyException(String message) {
        super(message);
    }

    /**
     * Truncates a user-supplied token (an algorithm name, an id) before it goes into a message.
     *
     * @param value the token, may be null
     * @return at most 64 characters of it, or {@code "null"}
     */
    protected static String clip(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
