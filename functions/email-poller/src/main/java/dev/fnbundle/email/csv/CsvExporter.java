package dev.fnbundle.email.csv;

import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.poll.InvoiceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes invoice records as CSV for GET /invoices.csv.
 *
 * <p>Columns: the seed's {@code date, from, subject, amount}, then {@code currency, invoiceNumber, dueDate,
 * vendor, mailbox, messageId}. A header row comes first. RFC 4180: records end with CRLF; a field containing a
 * comma, a double quote, CR or LF is enclosed in double quotes, and quotes inside are doubled.
 *
 * <p>Formula injection: a cell whose first character is {@code = + - @}, TAB or CR would be run as a formula by
 * spreadsheet programs, so it gets a leading single quote ({@code '=SUM(A1)}), which they show as text (OWASP's
 * advice). The quote is added before RFC 4180 quoting. Absent values are empty cells. Dates are ISO-8601
 * ({@code date} in UTC, e.g. {@code 2026-05-13T09:14:32Z}); {@code from} is {@code Name <address>}; amounts are
 * plain decimals such as {@code 1234.50}. Thread-safe; linear in the output.
 */
public final class CsvExporter {
    /** The header row's column names, in order. */
    public static final List<String> COLUMNS = List.of("date", "from", "subject", "amount", "currency",
            "invoiceNumber", "dueDate", "vendor", "mailbox", "messageId");
    private static final String CRLF = "\r\n";

    /**
     * Writes the header and one row per record.
     *
     * @param records never null
     * @param out     never null
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(Iterable<InvoiceRecord> records, Appendable out) {
        try {
            writeRow(COLUMNS, out);
            for (InvoiceRecord record : records) {
                writeRow(row(record), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSV output failed", e);
        }
    }

    /**
     * Writes only the header row, for output built row by row.
     *
     * @param out never null
     * @throws UncheckedIOException when {@code out} fails
     */
    public void writeHeader(Appendable out) {
        try {
            writeRow(COLUMNS, out);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV output failed", e);
        }
    }

    /**
     * Writes one record's row, CRLF included.
     *
     * @param record never null
     * @param out    never null
     * @throws UncheckedIOException when {@code out} fails
     */
    public void writeRecord(InvoiceRecord record, Appendable out) {
        try {
            writeRow(row(record), out);
        } catch (IOException e) {
            throw new UncheckedIOException("CSV output failed", e);
        }
    }

    /**
     * The whole CSV as a string.
     *
     * @param records never null
     * @return never null
     */
    public String toCsv(Iterable<InvoiceRecord> records) {
        StringBuilder out = new StringBuilder();
        write(records, out);
        return out.toString();
    }

    static List<String> row(InvoiceRecord record) {
        InvoiceFields fields = record.fields();
        return Arrays.asList(
                record.date() == null ? null : record.date().toString(),
                record.from() == null ? null : record.from().display(),
                record.subject(),
                fields.amount(),
                fields.currency(),
                fields.invoiceNumber(),
                fields.dueDate() == null ? null : fields.dueDate().toString(),
                fields.vendor(),
                record.key().mailboxId(),
                record.messageId());
    }

    private static void writeRow(List<String> cells, Appendable out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * One cell, neutralized against formulas and quoted per RFC 4180.
     *
     * @param value may be null (an empty cell)
     * @return never null
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
