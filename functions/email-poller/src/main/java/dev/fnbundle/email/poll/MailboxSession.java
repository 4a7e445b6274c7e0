package dev.fnbundle.email.poll;

import dev.fnbundle.email.mailbox.SearchCriteria;
import java.util.List;

/**
 * One open connection to a mailbox folder, selected read-write. Every method may throw a
 * {@link MailboxAccessException}. Not thread-safe.
 */
public interface MailboxSession extends AutoCloseable {

    /** @return the UIDVALIDITY of the selected folder */
    long uidValidity();

    /**
     * The messages matching the criteria with a UID above {@code afterUid}, ignoring
     * {@link SearchCriteria#unseenOnly()} (the caller filters on {@link MessageMeta#seen()}).
     *
     * @param criteria never null
     * @param afterUid only UIDs strictly above it are returned (the {@code UID n:*} quirk is filtered)
     * @return ascending by UID; never null
     */
    List<MessageMeta> search(SearchCriteria criteria, long afterUid);

    /**
     * Fetches messages without setting \Seen ({@code BODY.PEEK}).
     *
     * @param uids        ascending; never null
     * @param headersOnly fetch only the header section
     * @return the messages still present, ascending by UID; never null
     */
    List<FetchedMessage> fetch(List<Long> uids, boolean headersOnly);

    /**
     * Sets \Seen on the messages.
     *
     * @param uids never null
     */
    void markSeen(List<Long> uids);

    /**
     * Moves the messages to the archive folder (UID MOVE, else COPY + \Deleted + UID EXPUNGE). UIDs already gone
     * are ignored, so a replay is harmless.
     *
     * @param uids never null
     */
    void archive(List<Long> uids);

    /** Logs out; never throws. */
    @Override
    void close();
}
