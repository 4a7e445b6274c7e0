package dev.fnbundle.email.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: a hostile value in a CSV cell ({@link CsvExporter#cell}). The cell reads back per RFC 4180 to the
 * value with only single quotes added; in what it reads back to, no formula trigger starts the value or follows a
 * {@code ; , tab CR LF} (where Excel with another list separator starts a new cell), and no double quote follows
 * one of them but the comma; a cell holding a separator or quote is quoted.
 */
class CsvExporterFuzzTest {
    private static final String TRIGGERS = "=+-@\t\r";
    private static final String SEPARATORS = ";,\t\r\n";

    @FuzzTest
    void a_hostile_value_is_a_quoted_neutralized_cell(byte[] data) {
        String value = new String(data, StandardCharsets.UTF_8);
        String cell = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> CsvExporter.cell(value));
        if (value.isEmpty()) {
            assertThat(cell).isEmpty();
            return;
        }
        String read = readBack(cell);
        assertThat(read.replace("'", "")).isEqualTo(value.replace("'", ""));
        for (int i = 0; i < read.length(); i++) {
            char c = read.charAt(i);
            boolean cellStart = i == 0 || SEPARATORS.indexOf(read.charAt(i - 1)) >= 0;
            assertThat(cellStart && TRIGGERS.indexOf(c) >= 0).as("trigger at %d of %s", i, cell).isFalse();
            assertThat(i > 0 && cellStart && c == '"' && read.charAt(i - 1) != ',').as("quote at %d", i).isFalse();
        }
    }

    /** RFC 4180: a quoted cell without its quotes and with doubled quotes single; an unquoted one has none. */
    private static String readBack(String cell) {
        if (!cell.startsWith("\"")) {
            assertThat(cell).doesNotContain(",", "\"", "\r", "\n", ";", "\t");
            return cell;
        }
        assertThat(cell).hasSizeGreaterThanOrEqualTo(2).endsWith("\"");
        String inner = cell.substring(1, cell.length() - 1);
        assertThat(inner.replace("\"\"", "")).doesNotContain("\"");
        return inner.replace("\"\"", "\"");
    }
}
