package dev.fnbundle.email.poll;

/**
 * A fetched message.
 *
 * @param uid         the UID
 * @param raw         the message bytes (only the header section when {@code headersOnly}); never null
 * @param headersOnly true when only {@code BODY.PEEK[HEADER]} was fetched (for messages over the size cap)
 */
public record FetchedMessage(long uid, byte[] raw, boolean headersOnly) {
}
