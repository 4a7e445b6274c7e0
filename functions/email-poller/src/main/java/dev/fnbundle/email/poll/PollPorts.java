package dev.fnbundle.email.poll;

import java.util.Objects;

/**
 * The adapters a poll works through.
 *
 * @param connector   opens mailbox sessions
 * @param store       invoice records
 * @param publisher   {@code invoice.extracted} events
 * @param checkpoints per-mailbox checkpoints
 * @param lease       per-mailbox leases
 */
public record PollPorts(MailboxConnector connector, InvoiceStore store, InvoicePublisher publisher,
                        CheckpointStore checkpoints, MailboxLease lease) {
    public PollPorts {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(lease, "lease");
    }
}
