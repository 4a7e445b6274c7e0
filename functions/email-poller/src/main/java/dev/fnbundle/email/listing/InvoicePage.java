package dev.fnbundle.email.listing;

import java.util.List;

/**
 * One page of records.
 *
 * @param records   never null
 * @param nextToken the token for the next page, or null on the last page
 */
public record InvoicePage(List<ListedRecord> records, String nextToken) {
    public InvoicePage {
        records = List.copyOf(records);
    }
}
