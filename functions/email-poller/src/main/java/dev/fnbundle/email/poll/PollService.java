package dev.fnbundle.email.poll;

import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.UnresolvablePasswordException;
import dev.fnbundle.email.mailbox.UnusableSecretException;
import dev.fnbundle.email.mime.MessageParser;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one mailbox exactly once per message. Per message, in this order: extract, write the record
 * (idempotent on mailbox + UIDVALIDITY + UID, duplicates noticed by Message-ID), publish {@code invoice.extracted}
 * and mark it published, set \Seen, move to the archive folder, advance the checkpoint (the last three per fetch
 * batch). A crash at any step, a dropped connection or a redelivered task repeats work but never loses or
 * duplicates a record; only the publish may repeat (at least once), and its event carries the idempotency key.
 *
 * <p>A poll holds the mailbox lease for its whole run; a second poll finds it taken and returns
 * {@link PollStatus#BUSY}. A dropped connection is resumed from the checkpoint on a new connection, up to
 * {@link PollSettings#maxReconnects()} times. Mailbox failures become a {@link PollResult} with a failure
 * status; failures of the store, publisher or checkpoint adapters propagate so the task is retried. Thread-safe.
 */
public final class PollService {
    private static final Logger LOG = LoggerFactory.getLogger(PollService.class);
    private final PollPorts ports;
    private final PollSettings settings;
    private final Clock clock;
    private final RecordFactory factory;

    /**
     * @param ports    the adapters; never null
     * @param settings never null
     * @param clock    for leases and deadlines; never null
     */
    public PollService(PollPorts ports, PollSettings settings, Clock clock) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.factory = new RecordFactory(new MessageParser(settings.parserLimits()),
                settings.parserLimits().maxMessageBytes());
    }

    /**
     * Polls a mailbox.
     *
     * @param mailbox never null
     * @return the outcome; never null
     * @throws RuntimeException from the store, publisher or checkpoint adapters (the task must be retried)
     */
    public PollResult poll(Mailbox mailbox) {
        String owner = UUID.randomUUID().toString();
        Instant start = clock.instant();
        if (!ports.lease().tryAcquire(mailbox.id(), owner, start, settings.leaseTtl())) {
            return PollResult.busy(mailbox.id());
        }
        PollProgress progress = new PollProgress(mailbox.id());
        try {
            runWithReconnects(mailbox, progress, start.plus(settings.leaseTtl()).minus(settings.leaseMargin()));
            return progress.result(PollStatus.OK, null);
        } catch (MailboxAccessException e) {
            return progress.result(e.status(), e.getMessage());
        } catch (UnusableSecretException e) {
            // The status, which the caller reads, says only "secret unusable"; the operator's log says why.
            LOG.warn("mailbox secret unusable mailboxId={} reason={}", mailbox.id(), e.detail());
            return progress.result(PollStatus.SECRET_UNUSABLE, e.getMessage());
        } catch (UnresolvablePasswordException e) {
            return progress.result(PollStatus.CREDENTIALS_UNAVAILABLE, e.getMessage());
        } finally {
            ports.lease().release(mailbox.id(), owner);
        }
    }

    private void runWithReconnects(Mailbox mailbox, PollProgress progress, Instant deadline) {
        while (true) {
            try (MailboxSession session = ports.connector().open(mailbox)) {
                new FolderPass(mailbox, ports, settings, factory, clock, progress).run(session, deadline);
                return;
            } catch (MailboxConnectionLostException e) {
                if (progress.reconnects() >= settings.maxReconnects()) {
                    throw e;
                }
                // Everything up to the stored checkpoint is done; the next pass resumes right after it.
                progress.reconnected();
            }
        }
    }
}
