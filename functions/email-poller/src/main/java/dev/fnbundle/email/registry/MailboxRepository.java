package dev.fnbundle.email.registry;

import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.poll.PollResult;
import java.time.Instant;
import java.util.Optional;

/**
 * Where registered mailboxes live (DynamoDB in AWS). The password of an inline registration is stored apart from
 * what lists and views read, and only {@link #loadForPoll} returns it.
 */
public interface MailboxRepository {

    /**
     * Stores a new mailbox.
     *
     * @param mailbox   never null
     * @param createdAt never null
     * @throws MailboxAlreadyRegisteredException when the same account and folder are registered already
     */
    void create(Mailbox mailbox, Instant createdAt);

    /**
     * A mailbox as the API shows it.
     *
     * @param id never null
     * @return the mailbox, or empty
     */
    Optional<StoredMailbox> find(String id);

    /**
     * A mailbox with its password reference, for the poller only.
     *
     * @param id never null
     * @return the mailbox, or empty when it was deleted
     */
    Optional<Mailbox> loadForPoll(String id);

    /**
     * A page of mailboxes, oldest registration first.
     *
     * @param limit     1 to 1 000
     * @param nextToken from the previous page, or null
     * @return never null
     */
    Page<StoredMailbox> list(int limit, String nextToken);

    /**
     * Deletes a mailbox, its password and its checkpoint. Its invoice records stay.
     *
     * @param id never null
     * @return false when there was no such mailbox
     */
    boolean delete(String id);

    /**
     * Records the outcome of a poll on the mailbox; a deleted mailbox is not brought back.
     *
     * @param result never null
     * @param at     when the poll ended
     */
    void recordPoll(PollResult result, Instant at);

    /**
     * Records a poll that failed for a reason of our own (not the mailbox's), to be retried.
     *
     * @param mailboxId never null
     * @param error     what failed, without secrets
     * @param at        when
     */
    void recordError(String mailboxId, String error, Instant at);
}
