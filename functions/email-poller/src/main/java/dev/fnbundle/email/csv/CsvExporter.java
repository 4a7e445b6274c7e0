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
 * comma, a double quote, CR or LF is enclosed in double quotes, and quotes inside are doubled. A field holding a
 * semicolon or a tab is quoted too, so Excel set to {@code ;} lists (most of continental Europe) or a tab import
 * keeps it one cell.
 *
 * <p>Formula injection: a cell whose first character is {@code = + - @}, TAB or CR would be run as a formula by
 * spreadsheet programs, so it gets a leading single quote ({@code '=SUM(A1)}), which they show as text (OWASP's
 * advice). A reader that splits on another separator or ignores the quotes (Excel opening a comma file with
 * {@code ;} lists treats a quote inside a cell as a plain character) starts a new cell after any {@code ; ,} or
 * tab inside a cell, and a new row after CR or LF; so inside a cell, such a separator followed by a formula
 * trigger (or, but after a comma, a double quote, which such a reader takes as an opening quote) gets a single
 * quote after it too ({@code a;=1} is written {@code "a;'=1"}). Both guards are applied before RFC 4180 quoting.
 * Absent values are empty cells. Dates are ISO-8601 ({@code date} in UTC, e.g. {@code 2026-05-13T09:14:32Z});
 * {@code from} is {@code Name <address>}; amounts are plain decimals such as {@code 1234.50}. Thread-safe; linear
 * in the output.
 */
public final class CsvExporter {
    /** The header row's column names, in order. */
    public static final List<String> COLUMNS = List.of("date", "from", "subject", "amount", "currency",
            "invoiceNumber", "dueDate", "vendor", "mailbox", "messageId");
    private static final String CRLF = "\r\n";
    /** First characters that make a spreadsheet evaluate a cell. */
    private static final String TRIGGERS = "=+-@\t\r";
    /**
     * Where a reader that splits on another list separator, or ignores the quotes, starts a new cell or row. After
     * all but the comma such a reader may still take a double quote as the start of a quoted cell.
     */
    private static final String SEPARATORS = ";,\t\r\n";
    /** Characters that make a field quoted: RFC 4180's, plus the separators of {@code ;} and tab lists. */
    private static final String MUST_QUOTE = ",\"\r\n;\t";

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
        String safe = neutralized(value);
        boolean quote = false;
        for (int i = 0; i < safe.length() && !quote; i++) {
            quote = MUST_QUOTE.indexOf(safe.charAt(i)) >= 0;
        }
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** The value with a single quote before a formula trigger at its start and after each separator inside it. */
    private static String neutralized(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        if (TRIGGERS.indexOf(value.charAt(0)) >= 0) {
            out.append('\'');
        }
        out.append(value.charAt(0));
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            char previous = value.charAt(i - 1);
            if (SEPARATORS.indexOf(previous) >= 0 && (TRIGGERS.indexOf(c) >= 0 || c == '"' && previous != ',')) {
                out.append('\'');
            }
            out.append(c);
        }
        return out.toString();
    }
}
