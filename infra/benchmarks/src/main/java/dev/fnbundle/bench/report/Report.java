package dev.fnbundle.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of one {@code ./mvnw -Pbench} run, written as {@code infra/benchmarks/RESULTS.md}: the machine,
 * one summary table (ours, the reference, the ratio, whether the outputs are identical) and a section per
 * benchmark with its details and how each figure was measured.
 */
public final class Report {
    /** One line of the summary table; {@code ours} or {@code reference} may be null for a figure-less row. */
    public record Row(String benchmark, String what, Figure ours, String referenceName, Figure reference,
                      String identical) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> header = new ArrayList<>();

    public void header(String line) {
        header.add(line);
    }

    public void row(Row row) {
        rows.add(row);
    }

    /** A markdown section (starting with its own {@code ##} heading). */
    public void section(String markdown) {
        sections.add(markdown.strip());
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        header.forEach(line -> md.append(line).append('\n'));
        md.append("\n## Summary\n\n")
                .append("Ratios are the reference's median over ours (in brackets: the reference's fastest run over")
                .append(" our slowest, and its slowest over our fastest). Every figure says which statistic of how")
                .append(" many runs it is.\n\n")
                .append("| benchmark | measured | ours | reference | reference time | ratio | identical output |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.benchmark()).append(" | ").append(row.what()).append(" | ")
                    .append(row.ours() == null ? "–" : row.ours().ms()).append(" | ")
                    .append(row.referenceName()).append(" | ")
                    .append(row.reference() == null ? "–" : row.reference().ms()).append(" | ")
                    .append(row.ours() == null || row.reference() == null ? "–"
                            : row.ours().speedupOver(row.reference()))
                    .append(" | ").append(row.identical()).append(" |\n");
        }
        for (String section : sections) {
            md.append('\n').append(section).append('\n');
        }
        return md.toString();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }
}
