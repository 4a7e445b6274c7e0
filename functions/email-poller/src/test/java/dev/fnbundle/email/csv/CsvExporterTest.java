package dev.fnbundle.email.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.RecordKey;
import dev.fnbundle.email.poll.RecordKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvExporterTest {
    private final CsvExporter exporter = new CsvExporter();

    private static InvoiceRecord record(String subject, MailAddress from, InvoiceFields fields) {
        return new InvoiceRecord(new RecordKey("mb-1", 7, 42), RecordKind.INVOICE, "<m@x>", "<m@x>", null,
                Instant.parse("2026-05-13T09:14:32Z"), from, subject, fields, List.of(), null, true,
                Instant.parse("2026-05-13T09:20:00Z"));
    }

    @Test
    void writes_the_seed_columns_then_the_new_ones_with_crlf() {
        InvoiceRecord record = record("Invoice INV-1", new MailAddress("billing@acme.example", "Acme"),
                new InvoiceFields("1080.00", "USD", "INV-1", LocalDate.of(2026, 6, 15), "Acme"));

        String csv = exporter.toCsv(List.of(record));

        assertThat(csv).isEqualTo("date,from,subject,amount,currency,invoiceNumber,dueDate,vendor,mailbox,messageId\r\n"
                + "2026-05-13T09:14:32Z,Acme <billing@acme.example>,Invoice INV-1,1080.00,USD,INV-1,2026-06-15,Acme,"
                + "mb-1,<m@x>\r\n");
    }

    @Test
    void absent_fields_are_empty_cells() {
        String csv = exporter.toCsv(List.of(record(null, null, InvoiceFields.NONE)));

        assertThat(csv.split("\r\n")[1]).isEqualTo("2026-05-13T09:14:32Z,,,,,,,,mb-1,<m@x>");
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain|plain",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "=SUM(A1:A9)|'=SUM(A1:A9)",
        "+1 555|'+1 555",
        "-2+3|'-2+3",
        "@cmd|'@cmd",
        "=HYPERLINK(\"http://x\",\"a\")|\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"",
        "a=b|a=b",
    })
    void quotes_per_rfc4180_and_neutralizes_formulas(String value, String expected) {
        assertThat(CsvExporter.cell(value)).isEqualTo(expected);
    }

    @Test
    void neutralizes_tab_and_cr_and_quotes_line_breaks() {
        assertThat(CsvExporter.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(CsvExporter.cell("\r=x")).isEqualTo("\"'\r'=x\"");
        assertThat(CsvExporter.cell("line1\nline2")).isEqualTo("\"line1\nline2\"");
        assertThat(CsvExporter.cell(null)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a;b|\"a;b\"",
        "a\tb|\"a\tb\"",
        "x;=cmd()|\"x;'=cmd()\"",
        "x,+1|\"x,'+1\"",
        "x\t@SUM(A1)|\"x\t'@SUM(A1)\"",
        "x;-2|\"x;'-2\"",
        "x;\t=1|\"x;'\t'=1\"",
        "`x;\r=1`|`\"x;'\r'=1\"`",
        "`x\n@y`|`\"x\n'@y\"`",
        "x;\"=1\"|\"x;'\"\"=1\"\"\"",
        "a-b; c=d|\"a-b; c=d\"",
    })
    void quotes_semicolons_and_tabs_and_neutralizes_a_formula_after_a_separator_inside_a_cell(String value,
                                                                                               String expected) {
        // A separator is ; , tab, CR or LF: a reader that ignores the quotes starts a new cell or row after it.
        assertThat(CsvExporter.cell(value)).isEqualTo(expected);
    }

    @Test
    void read_as_excel_reads_it_with_semicolon_or_tab_lists_no_cell_starts_a_formula(@TempDir Path dir)
            throws IOException, InterruptedException {
        // given hostile values that hide a formula behind a separator: a ; or a tab, where Excel set to ; lists
        // splits cells, or a line break, where a reader that ignores the quotes starts a row
        InvoiceRecord hostile = record("Invoice;=HYPERLINK(\"http://evil\";\"x\");+1\t-2\t@SUM(A1)",
                new MailAddress("x@evil.example", "Evil;=cmd|' /C calc'!A0"),
                new InvoiceFields("12.00", "EUR", "INV;\"=1+1\"", null, "vendor;\r=2\n+3"));
        Path file = dir.resolve("invoices.csv");
        Files.writeString(file, exporter.toCsv(List.of(hostile)), StandardCharsets.UTF_8);

        // when Python's csv module reads the file as a ; list and as a tab list (a quote inside a cell is then
        // just a character and a line break in a cell ends the row, as in Excel) and as a comma list
        String out = python("import csv,sys,json\n"
                + "cells=[]\n"
                + "for d in (';', '\\t', ','):\n"
                + "    for row in csv.reader(open(sys.argv[1],newline='',encoding='utf-8'),delimiter=d):\n"
                + "        cells += row\n"
                + "sys.stdout.write(json.dumps([c for c in cells if c[:1] in ('=','+','-','@','\\t','\\r')]))",
                file);

        // then no cell starts with a formula trigger
        assertThat(out).isEqualTo("[]");
    }

    private static String python(String script, Path file) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", script, file.toString()).start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "python3 not found: differential test skipped");
            return "";
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void python_csv_reader_reads_back_every_cell(@TempDir Path dir) throws IOException, InterruptedException {
        // given hostile values in every position
        InvoiceRecord hostile = record("=cmd|' /C calc'!A0, \"quoted\"\r\nnext line",
                new MailAddress("x@evil.example", "-Evil, Inc."),
                new InvoiceFields("12.00", "EUR", "@INV", null, "+vendor"));
        Path file = dir.resolve("invoices.csv");
        Files.writeString(file, exporter.toCsv(List.of(hostile)), StandardCharsets.UTF_8);

        // when Python's csv module reads the file
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", "import csv,sys,json\n"
                    + "rows=list(csv.reader(open(sys.argv[1],newline='',encoding='utf-8')))\n"
                    + "sys.stdout.write(json.dumps(rows[1]))", file.toString()).start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "python3 not found: differential test skipped");
            return;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then each cell is the value with the formula guard, nothing more, nothing less
        assertThat(out).isEqualTo("[\"2026-05-13T09:14:32Z\", \"'-Evil, Inc. <x@evil.example>\", "
                + "\"'=cmd|' /C calc'!A0, \\\"quoted\\\"\\r\\nnext line\", \"12.00\", \"EUR\", \"'@INV\", \"\", "
                + "\"'+vendor\", \"mb-1\", \"<m@x>\"]");
    }
}
