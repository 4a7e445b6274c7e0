package dev.fnbundle.bench.rss;

import dev.fnbundle.rss.testing.SeedMappingScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./mvnw -q -pl infra/benchmarks exec:exec -Dbench=rss [-Dbench.args="ITEMS ROUNDS"]}: generates a seeded
 * ~100 MB RSS 2.0 file with 200 000 items into target/bench-rss/, parses it to the normalized model in a child JVM
 * capped at {@code -Xmx64m} (the cap is the proof of constant memory), then runs the seed tutorial's parser
 * ({@code xmltodict.parse(f, force_list={"item"})} plus its item mapping) on the same file, compares item counts
 * and every 1000th item's title, link, summary and date, and prints both times, the ratio and our peak heap.
 * For the comparison only (outside the timed part) the seed's raw pubDate is read with Python's email.utils and
 * its links are percent-encoded, since ours turns IRIs into URIs. Both sides run in alternating rounds (default 2)
 * and the best time of each is compared, because the machine's two cores are shared.
 */
public final class RssBenchmark {
    private static final String PYTHON = SeedMappingScript.withDriver("""
            import resource, sys, time

            wall0, cpu0 = time.perf_counter(), time.process_time()
            articles = seed_articles(sys.argv[1])
            wall1, cpu1 = time.perf_counter(), time.process_time()

            write_samples(articles, sys.argv[2])
            with open(sys.argv[3], "w") as out:
                out.write("entries=%d\\nseconds=%f\\ncpuSeconds=%f\\npeakRssKb=%d\\n" % (len(articles),
                          wall1 - wall0, cpu1 - cpu0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
            """);

    private RssBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            RssParseChild.run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        int items = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1].strip()) : 2;
        Path dir = Path.of("target", "bench-rss").toAbsolutePath();
        Path feed = dir.resolve("feed-" + items + ".xml");
        long start = System.nanoTime();
        new RssFeedGenerator(20_240_105L).write(feed, items);
        System.out.printf("generated %s: %,d items, %.1f MB in %.1f s%n", feed, items, Files.size(feed) / 1e6,
                (System.nanoTime() - start) / 1e9);
        Path script = dir.resolve("seed_xmltodict.py");
        Files.writeString(script, PYTHON);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Side ours = null;
        Side python = null;
        // Alternating rounds, best of each side: the machine is shared, so one unlucky slice should not decide.
        for (int round = 1; round <= rounds; round++) {
            Side j = run(dir, "java", round, List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), RssBenchmark.class.getName(), "--child", feed.toString()));
            Side p = run(dir, "python", round, List.of("python3", script.toString(), feed.toString()));
            if (j == null || p == null) {
                System.out.println("RESULT: incomplete (see the log above)");
                return;
            }
            System.out.printf("round %d:        java %.2f s (cpu %.2f s), python %.2f s (cpu %.2f s)%n", round,
                    j.seconds(), j.cpuSeconds(), p.seconds(), p.cpuSeconds());
            ours = ours == null || j.seconds() < ours.seconds() ? j : ours;
            python = python == null || p.seconds() < python.seconds() ? p : python;
        }
        report(ours, python);
    }

    /** One measured run: its figures, its sampled items and the process's wall time. */
    private record Side(Map<String, String> stats, List<String> samples, double wallSeconds) {
        double seconds() {
            return Double.parseDouble(stats.get("seconds"));
        }

        double cpuSeconds() {
            return Double.parseDouble(stats.get("cpuSeconds"));
        }
    }

    private static Side run(Path dir, String name, int round, List<String> command)
            throws IOException, InterruptedException {
        Path samples = dir.resolve(name + "-samples-" + round + ".tsv");
        Path stats = dir.resolve(name + "-stats-" + round + ".txt");
        Path log = dir.resolve(name + "-" + round + ".log");
        List<String> full = new ArrayList<>(command);
        full.add(samples.toString());
        full.add(stats.toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in 20 minutes");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            System.out.println(name + " failed with exit code " + process.exitValue() + ":\n" + Files.readString(log));
            return null;
        }
        return new Side(stats(stats), Files.readAllLines(samples), wall);
    }

    private static void report(Side ours, Side python) {
        long mismatches = 0;
        for (int i = 0; i < Math.max(ours.samples().size(), python.samples().size()); i++) {
            String a = i < ours.samples().size() ? ours.samples().get(i) : "";
            String b = i < python.samples().size() ? python.samples().get(i) : "";
            if (!a.equals(b) && ++mismatches <= 3) {
                System.out.println("MISMATCH java   " + a + "\n         python " + b);
            }
        }
        String javaItems = ours.stats().get("entries");
        String pythonItems = python.stats().get("entries");
        double ratio = python.seconds() / ours.seconds();
        long peakHeap = Long.parseLong(ours.stats().get("peakHeapBytes"));
        System.out.printf("items:          java %s, python %s (%s)%n", javaItems, pythonItems,
                javaItems.equals(pythonItems) ? "equal" : "DIFFERENT");
        System.out.printf("samples:        %d compared (title, link, summary, date), %d mismatches%n",
                ours.samples().size(), mismatches);
        System.out.printf("parse time:     java %.2f s (cpu %.2f s), python %.2f s (cpu %.2f s), best of each%n",
                ours.seconds(), ours.cpuSeconds(), python.seconds(), python.cpuSeconds());
        System.out.printf("process wall:   java %.2f s (JVM start included), python %.2f s%n", ours.wallSeconds(),
                python.wallSeconds());
        System.out.printf("ratio:          %.2fx faster (parse time), %.2fx (cpu time), %.2fx (process wall)%n",
                ratio, python.cpuSeconds() / ours.cpuSeconds(), python.wallSeconds() / ours.wallSeconds());
        System.out.printf("memory:         java peak heap %.1f MB under -Xmx64m (max %.1f MB); "
                        + "python peak RSS %.0f MB%n", peakHeap / 1048576.0,
                Long.parseLong(ours.stats().get("maxHeapBytes")) / 1048576.0,
                Long.parseLong(python.stats().get("peakRssKb")) / 1024.0);
        double cpuRatio = python.cpuSeconds() / ours.cpuSeconds();
        boolean same = mismatches == 0 && javaItems.equals(pythonItems);
        // Wall time on a shared two-core machine depends on what else runs; CPU time of the parsing thread does not.
        System.out.printf("target:         >= 3x faster: %s by parse time, %s by cpu time; heap under 64 MB: %s; "
                        + "same items: %s%n", verdict(ratio >= 3), verdict(cpuRatio >= 3),
                verdict(peakHeap < 64L << 20), same ? "yes" : "NO");
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static Map<String, String> stats(Path file) throws IOException {
        Map<String, String> stats = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                stats.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return stats;
    }
}
