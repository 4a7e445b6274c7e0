package dev.fnbundle.email.listing;

import dev.fnbundle.email.poll.RecordKind;
import java.time.Instant;
import java.util.Objects;

/**
 * Which records to list: of one kind, of one mailbox or all, dated within a range (by the message's Date header,
 * else the server's receipt time), oldest first.
 *
 * @param kind      never null; {@link RecordKind#INVOICE} for GET /invoices without {@code kind}
 * @param mailboxId the mailbox, or null for every mailbox
 * @param from      inclusive lower bound, or null
 * @param to        inclusive upper bound, or null
 * @param limit     the most records on one page, at least 1
 * @param nextToken where the previous page ended, or null for the first page
 */
public record InvoiceQuery(RecordKind kind, String mailboxId, Instant from, Instant to, int limit,
                           String nextToken) {
    public InvoiceQuery {
        Objects.requireNonNull(kind, "kind");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /**
     * The same query for another page size and position.
     *
     * @return never null
     */
    public InvoiceQuery page(int pageLimit, String token) {
        return new InvoiceQuery(kind, mailboxId, from, to, pageLimit, token);
    }
}
