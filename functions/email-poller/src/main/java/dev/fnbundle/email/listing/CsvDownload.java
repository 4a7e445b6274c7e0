package dev.fnbundle.email.listing;

import dev.fnbundle.email.csv.CsvExporter;
import dev.fnbundle.email.poll.RecordKind;

/**
 * Builds GET /invoices.csv: the header and one row per invoice, oldest first, until the records run out or a cap
 * is reached. A Lambda response is at most 6 MB, so one download carries at most {@code maxRows} rows and
 * {@code maxBytes} bytes of body (counted as they travel, JSON-escaped); when records remain, the result carries
 * the {@code nextToken} that continues right after the last row, and the handler puts it in a header so the CSV
 * itself stays clean. Thread-safe.
 */
public final class CsvDownload {
    /** The default row cap. */
    public static final int MAX_ROWS = 10_000;
    /** The default body cap: 5 MiB, leaving room in the 6 MB response for headers and the envelope. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int PAGE = 500;

    private final InvoiceListing listing;
    private final CsvExporter exporter = new CsvExporter();
    private final int maxRows;
    private final long maxBytes;

    public CsvDownload(InvoiceListing listing, int maxRows, long maxBytes) {
        this.listing = listing;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /**
     * The CSV of the invoices a query selects (its kind and limit are ignored: invoices, up to the caps).
     *
     * @param query where to start, which mailbox and dates
     * @return never null
     */
    public Csv export(InvoiceQuery query) {
        StringBuilder csv = new StringBuilder();
        exporter.writeHeader(csv);
        long bytes = JsonSize.of(csv);
        int rows = 0;
        String token = query.nextToken();
        while (true) {
            InvoicePage page = listing.page(new InvoiceQuery(RecordKind.INVOICE, query.mailboxId(), query.from(),
                    query.to(), Math.min(PAGE, maxRows - rows + 1), token));
            for (ListedRecord listed : page.records()) {
                StringBuilder row = new StringBuilder();
                exporter.writeRecord(listed.record(), row);
                long size = JsonSize.of(row);
                if (rows == maxRows || bytes + size > maxBytes) {
                    return new Csv(csv.toString(), rows, token);
                }
                csv.append(row);
                bytes += size;
                rows++;
                token = listed.cursor();
            }
            if (page.nextToken() == null) {
                return new Csv(csv.toString(), rows, null);
            }
            token = page.nextToken();
        }
    }

    /**
     * One download.
     *
     * @param body      the CSV text; never null
     * @param rows      data rows, without the header
     * @param nextToken where the next download starts, or null when this one holds the rest
     */
    public record Csv(String body, int rows, String nextToken) {
    }
}
