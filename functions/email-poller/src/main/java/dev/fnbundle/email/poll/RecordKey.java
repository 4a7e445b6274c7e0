package dev.fnbundle.email.poll;

import java.util.Objects;

/**
 * The idempotency key of a record: one message in one incarnation of one folder. IMAP guarantees that a UID is
 * never reused while UIDVALIDITY stays the same, so this key names one message for good.
 *
 * @param mailboxId   the registered mailbox; never null
 * @param uidValidity the folder's UIDVALIDITY
 * @param uid         the message UID
 */
public record RecordKey(String mailboxId, long uidValidity, long uid) {
    public RecordKey {
        Objects.requireNonNull(mailboxId, "mailboxId");
    }

    /**
     * The key as one string, {@code mailboxId#uidValidity#uid}, for stores that need a single key attribute.
     *
     * @return never null
     */
    public String asString() {
        return mailboxId + "#" + uidValidity + "#" + uid;
    }
}
