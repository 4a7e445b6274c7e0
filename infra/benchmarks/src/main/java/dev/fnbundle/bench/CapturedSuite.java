package dev.fnbundle.bench;

import dev.fnbundle.bench.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark that keeps its own side-by-side program and its own statistics (printed with its figures), run in
 * a child JVM and quoted in the report as it printed. Used for the benchmarks whose cores are being reworked
 * (drift's matcher, fuzzy search) and for email, whose cost is the IMAP round trips to an embedded GreenMail.
 *
 * @param name    the {@code -Dbench=} name of the program
 * @param args    its arguments
 * @param title   the section heading
 * @param note    what the reader must know about these figures
 */
record CapturedSuite(String name, List<String> args, String title, String note) implements Suite {

    @Override
    public void run(Report report, Settings settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xss64m", "-Xmx2g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                Bench.class.getName(), name));
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(name + " benchmark failed:\n" + out);
        }
        System.out.print(out);
        double minutes = (System.nanoTime() - start) / 6e10;
        report.row(new Report.Row(name, "see its section (own harness)", null, "see section", null,
                "see section"));
        report.section("## " + title + "\n\n" + note + String.format(java.util.Locale.ROOT,
                " Alone: `./mvnw -q -pl infra/benchmarks compile exec:exec -Dbench=%s%s` after an install (took"
                        + " %.1f min in this run).%n%n```%n%s```",
                name, args.isEmpty() ? "" : " -Dbench.args=\"" + String.join(" ", args) + "\"", minutes,
                out.endsWith("\n") ? out : out + "\n"));
    }
}
