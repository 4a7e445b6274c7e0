package dev.fnbundle.email.listing;

import dev.fnbundle.email.poll.InvoiceRecord;

/**
 * A record on a page, with the token that continues the list right after it.
 *
 * @param record never null
 * @param cursor the {@code nextToken} for the records after this one; never null
 */
public record ListedRecord(InvoiceRecord record, String cursor) {
}
