package dev.fnbundle.email.mime;

/**
 * The result of parsing one raw message: parsed, unparseable or skipped. Parsing never throws for bad input.
 */
public sealed interface ParseOutcome {

    /** The message-id header when it could be read, else null; used to notice copies of the same message. */
    String messageId();

    /**
     * The message was parsed.
     *
     * @param message the parsed message; never null
     */
    record Parsed(ParsedMessage message) implements ParseOutcome {
        @Override
        public String messageId() {
            return message.messageId();
        }
    }

    /**
     * The MIME structure could not be walked (for example a multipart without its boundary).
     *
     * @param messageId the Message-ID when the headers could be read, else null
     * @param reason    a short technical reason, free of body content
     */
    record Unparseable(String messageId, String reason) implements ParseOutcome {
    }

    /**
     * The message is larger than the configured cap and was not parsed.
     *
     * @param messageId always null: an oversized message is not read
     * @param sizeBytes the size of the message
     * @param reason    e.g. {@code message is 52428800 bytes, over the 52428800 byte limit}
     */
    record TooLarge(String messageId, long sizeBytes, String reason) implements ParseOutcome {
    }
}
