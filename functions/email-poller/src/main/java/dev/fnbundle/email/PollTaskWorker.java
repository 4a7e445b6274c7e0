package dev.fnbundle.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.poll.PollResult;
import dev.fnbundle.email.poll.PollService;
import dev.fnbundle.email.registry.MailboxService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one poll task {@code {"mailboxId", "reason", "requestedAt"}}: loads the mailbox, polls it, records the
 * outcome as the mailbox's status, and queues a follow-up poll when candidates were left for later. A task for a
 * deleted mailbox is dropped; a malformed task and a failed poll throw, so the task is retried and finally
 * dead-lettered.
 */
final class PollTaskWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PollTaskWorker.class);

    private final MailboxService mailboxes;
    private final PollService polls;

    PollTaskWorker(MailboxService mailboxes, PollService polls) {
        this.mailboxes = mailboxes;
        this.polls = polls;
    }

    void handle(String body) {
        JsonNode task = parse(body);
        String mailboxId = task.path("mailboxId").asText();
        Mailbox mailbox = mailboxes.loadForPoll(mailboxId).orElse(null);
        if (mailbox == null) {
            LOG.info("poll task dropped mailboxId={}: the mailbox was deleted", mailboxId);
            return;
        }
        PollResult result;
        try {
            result = polls.poll(mailbox);
        } catch (RuntimeException e) {
            try {
                mailboxes.recordError(mailboxId, "the poll failed on our side (" + e.getClass().getSimpleName()
                        + "); it is retried");
            } catch (RuntimeException statusFailure) {
                e.addSuppressed(statusFailure);
            }
            throw e;
        }
        mailboxes.recordPoll(result);
        LOG.info("poll mailboxId={} reason={} status={} invoices={} duplicates={} unparseable={} skipped={}"
                        + " replayed={} archived={} moreRemaining={}", mailboxId, task.path("reason").asText("?"),
                result.status(), result.invoices(), result.duplicates(), result.unparseable(), result.skipped(),
                result.replayed(), result.archived(), result.moreRemaining());
        if (result.status().isFailure()) {
            throw new PollFailedException(result);
        }
        if (result.moreRemaining()) {
            mailboxes.continueLater(mailboxId);
        }
    }

    private static JsonNode parse(String body) {
        JsonNode task;
        try {
            task = Json.parse(body);
        } catch (MalformedJsonException e) {
            throw new MalformedTaskException("a poll task must be JSON: " + e.getMessage());
        }
        if (task.path("mailboxId").asText("").isEmpty()) {
            throw new MalformedTaskException("a poll task needs a mailboxId");
        }
        return task;
    }

    /** A task that can never succeed; it fails each receive and ends in the dead-letter queue. */
    static final class MalformedTaskException extends RuntimeException {
        MalformedTaskException(String message) {
            super(message, null, false, false);
        }
    }
}
