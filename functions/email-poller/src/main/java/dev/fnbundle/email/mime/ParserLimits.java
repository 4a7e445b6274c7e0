package dev.fnbundle.email.mime;

/**
 * Bounds that keep one hostile message from exhausting memory or stack.
 *
 * @param maxMessageBytes a larger message is not parsed ({@link ParseOutcome.TooLarge})
 * @param maxDepth        deeper multipart nesting makes the message unparseable
 * @param maxParts        more MIME parts make the message unparseable
 * @param maxBodyChars    the text body is cut after this many characters
 */
public record ParserLimits(long maxMessageBytes, int maxDepth, int maxParts, int maxBodyChars) {
    /** 50 MiB, the cap named by the issue. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 50L * 1024 * 1024;

    public ParserLimits {
        if (maxMessageBytes <= 0 || maxDepth <= 0 || maxParts <= 0 || maxBodyChars <= 0) {
            throw new IllegalArgumentException("parser limits must be positive");
        }
    }

    /**
     * The production limits: 50 MiB, nesting 20, 500 parts, 1 000 000 body characters.
     *
     * @return never null
     */
    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_MESSAGE_BYTES, 20, 500, 1_000_000);
    }
}
