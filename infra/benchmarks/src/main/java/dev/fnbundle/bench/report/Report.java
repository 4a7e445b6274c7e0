package dev.fnbundle.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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

    /** A summary row or a section kept as markdown from an earlier file, with the suite it belongs to. */
    private record Kept(String suite, String markdown) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    private final List<Kept> keptRows = new ArrayList<>();
    private final List<Kept> keptSections = new ArrayList<>();
    private List<String> order = List.of();

    /** The suites in report order; rows and sections are listed in it (unknown suites last). */
    public void order(List<String> suites) {
        this.order = List.copyOf(suites);
    }

    /**
     * Keeps, from an earlier RESULTS.md, the summary rows and sections of every suite this run does not
     * refresh, so that {@code -Dbench.only=...} updates its suites and leaves the others' figures as they were.
     */
    public void keepPrevious(String markdown, Set<String> refreshed) {
        boolean inTable = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("|---")) {
                inTable = true;
            } else if (inTable && line.startsWith("| ")) {
                String suite = line.substring(2, line.indexOf(" |", 1)).strip();
                if (!refreshed.contains(suite)) {
                    keptRows.add(new Kept(suite, line));
                }
            } else if (inTable) {
                break;
            }
        }
        int summary = markdown.indexOf("\n## Summary");
        String[] parts = markdown.substring(summary < 0 ? 0 : summary + 1).split("\n(?=## )");
        for (String part : parts) {
            if (!part.startsWith("## ") || part.startsWith("## Summary")) {
                continue;
            }
            String suite = part.substring(3).split("[: ]", 2)[0];
            if (!refreshed.contains(suite)) {
                keptSections.add(new Kept(suite, part.strip()));
            }
        }
    }

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
        List<Kept> allRows = new ArrayList<>(keptRows);
        for (Row row : rows) {
            StringBuilder line = new StringBuilder();
            line.append("| ").append(row.benchmark()).append(" | ").append(row.what()).append(" | ")
                    .append(row.ours() == null ? "–" : row.ours().ms()).append(" | ")
                    .append(row.referenceName()).append(" | ")
                    .append(row.reference() == null ? "–" : row.reference().ms()).append(" | ")
                    .append(row.ours() == null || row.reference() == null ? "–"
                            : row.ours().speedupOver(row.reference()))
                    .append(" | ").append(row.identical()).append(" |");
            allRows.add(new Kept(row.benchmark(), line.toString()));
        }
        allRows.sort(Comparator.comparingInt(k -> rank(k.suite())));
        allRows.forEach(row -> md.append(row.markdown()).append('\n'));
        List<Kept> allSections = new ArrayList<>(keptSections);
        for (String section : sections) {
            allSections.add(new Kept(section.substring(3).split("[: ]", 2)[0], section));
        }
        allSections.sort(Comparator.comparingInt(k -> rank(k.suite())));
        for (Kept section : allSections) {
            md.append('\n').append(section.markdown()).append('\n');
        }
        return md.toString();
    }

    private int rank(String suite) {
        int at = order.indexOf(suite);
        return at < 0 ? order.size() : at;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }
}
