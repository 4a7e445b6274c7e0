package dev.fnbundle.email.poll;

import dev.fnbundle.email.mailbox.Mailbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over an open session: resume from the checkpoint, search, then batch by batch fetch, record, publish,
 * set \Seen, archive and advance the checkpoint. Every step is idempotent, so a pass interrupted anywhere can be
 * run again from the stored checkpoint. Not thread-safe: one per poll.
 */
final class FolderPass {
    private final Mailbox mailbox;
    private final PollPorts ports;
    private final PollSettings settings;
    private final RecordFactory factory;
    private final Clock clock;
    private final PollProgress progress;

    FolderPass(Mailbox mailbox, PollPorts ports, PollSettings settings, RecordFactory factory, Clock clock,
               PollProgress progress) {
        this.mailbox = mailbox;
        this.ports = ports;
        this.settings = settings;
        this.factory = factory;
        this.clock = clock;
        this.progress = progress;
    }

    void run(MailboxSession session, Instant deadline) {
        long validity = session.uidValidity();
        Checkpoint stored = ports.checkpoints().get(mailbox.id()).orElse(null);
        Checkpoint checkpoint = stored;
        if (stored == null || stored.uidValidity() != validity) {
            // A new UIDVALIDITY means old UIDs name nothing: scan the folder anew, dedupe by Message-ID.
            if (stored != null) {
                progress.validityChanged();
            }
            checkpoint = Checkpoint.start(validity);
        }
        progress.at(checkpoint);
        List<MessageMeta> candidates = candidates(session.search(mailbox.search(), checkpoint.lastUid()), validity);
        if (candidates.size() > settings.maxMessagesPerPoll()) {
            candidates = candidates.subList(0, settings.maxMessagesPerPoll());
            progress.moreRemaining();
        }
        for (List<MessageMeta> batch : BatchPlanner.plan(candidates, settings)) {
            if (clock.instant().isAfter(deadline)) {
                progress.moreRemaining();
                return;
            }
            handleBatch(session, validity, batch);
        }
    }

    private List<MessageMeta> candidates(List<MessageMeta> found, long validity) {
        if (!mailbox.search().unseenOnly()) {
            return found;
        }
        // A message this poller marked \Seen but did not finish archiving must still be picked up.
        return found.stream().filter(meta -> !meta.seen()
                || ports.store().get(new RecordKey(mailbox.id(), validity, meta.uid())).isPresent()).toList();
    }

    private void handleBatch(MailboxSession session, long validity, List<MessageMeta> batch) {
        Map<Long, FetchedMessage> fetched = fetch(session, batch);
        List<Long> toArchive = new ArrayList<>();
        for (MessageMeta meta : batch) {
            FetchedMessage message = fetched.get(meta.uid());
            if (message == null) {
                continue; // expunged by someone else since the search
            }
            InvoiceRecord record = recordAndPublish(new RecordKey(mailbox.id(), validity, meta.uid()), meta, message);
            if (record.kind() != RecordKind.SKIPPED) {
                toArchive.add(meta.uid());
            }
        }
        session.markSeen(toArchive);
        session.archive(toArchive);
        progress.archived(toArchive.size());
        Checkpoint next = new Checkpoint(validity, batch.getLast().uid());
        ports.checkpoints().advance(mailbox.id(), next);
        progress.at(next);
    }

    private Map<Long, FetchedMessage> fetch(MailboxSession session, List<MessageMeta> batch) {
        long cap = settings.parserLimits().maxMessageBytes();
        List<Long> whole = batch.stream().filter(m -> m.sizeBytes() <= cap).map(MessageMeta::uid).toList();
        List<Long> oversized = batch.stream().filter(m -> m.sizeBytes() > cap).map(MessageMeta::uid).toList();
        Map<Long, FetchedMessage> result = new HashMap<>();
        if (!whole.isEmpty()) {
            session.fetch(whole, false).forEach(m -> result.put(m.uid(), m));
        }
        if (!oversized.isEmpty()) {
            session.fetch(oversized, true).forEach(m -> result.put(m.uid(), m));
        }
        return result;
    }

    private InvoiceRecord recordAndPublish(RecordKey key, MessageMeta meta, FetchedMessage message) {
        InvoiceStore store = ports.store();
        InvoiceRecord record = store.get(key).orElse(null);
        boolean replay = record != null;
        if (record == null) {
            InvoiceRecord built = factory.build(key, meta, message, clock.instant());
            InvoiceRecord first = store.findByDedupeKey(mailbox.id(), built.dedupeKey()).orElse(null);
            if (first != null && !first.key().equals(key)) {
                built = RecordFactory.duplicateOf(built, first.key());
            }
            record = store.putIfAbsent(built);
            replay = record != built;
        }
        progress.counted(record, replay);
        if (record.kind() == RecordKind.INVOICE && !record.published()) {
            ports.publisher().publish(InvoiceExtractedEvent.of(record));
            store.markPublished(key);
        }
        return record;
    }
}
