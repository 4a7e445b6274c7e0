package dev.fnbundle.email.poll;

import java.time.Instant;

/**
 * What the server says about a message before it is fetched.
 *
 * @param uid          the UID
 * @param sizeBytes    RFC822.SIZE
 * @param seen         whether \Seen is set
 * @param internalDate the server's INTERNALDATE, or null
 */
public record MessageMeta(long uid, long sizeBytes, boolean seen, Instant internalDate) {
}
