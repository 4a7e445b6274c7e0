package dev.fnbundle.bench.rss;

import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.report.CpuChild;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.Jmh;
import dev.fnbundle.bench.report.Python;
import dev.fnbundle.bench.report.Report;
import dev.fnbundle.rss.testing.SeedMappingScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Feed parsing on a seeded 100 MB RSS 2.0 file of 200 000 items: ours through JMH in JVMs capped at
 * {@code -Xmx64m}, against the seed tutorial's {@code xmltodict} parse plus its item mapping and against
 * feedparser, each repeated in one python3 process. Identical output: every 1000th item's title, link, summary
 * and date equal to the seed's (feedparser normalizes differently, so only item counts and titles are compared).
 */
public final class RssSuite implements Suite {
    static final String XMLTODICT = SeedMappingScript.withDriver("""
            import resource, sys, time

            times, cpu = [], []
            for run in range(int(sys.argv[3])):
                c0 = time.process_time()
                t0 = time.perf_counter()
                articles = seed_articles(sys.argv[1])
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                if run + 1 < int(sys.argv[3]):
                    del articles

            write_samples(articles, sys.argv[2])
            print("times_ms=" + ",".join("%.1f" % t for t in times))
            print("cpu_ms=" + ",".join("%.1f" % t for t in cpu))
            print("entries=%d" % len(articles))
            print("peak_rss_mb=%.0f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
            """);
    static final String FEEDPARSER = """
            import base64, resource, sys, time
            import feedparser

            times, cpu = [], []
            for run in range(int(sys.argv[3])):
                c0 = time.process_time()
                t0 = time.perf_counter()
                parsed = feedparser.parse(sys.argv[1])
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            with open(sys.argv[2], "w") as out:
                for i, entry in enumerate(parsed.entries):
                    if (i + 1) % 1000 == 0:
                        title = entry.get("title", "")
                        out.write("%d\\t%s\\n" % (i, base64.b64encode(title.encode("utf-8")).decode("ascii")
                                                   if title else "-"))
            print("times_ms=" + ",".join("%.1f" % t for t in times))
            print("cpu_ms=" + ",".join("%.1f" % t for t in cpu))
            print("entries=%d" % len(parsed.entries))
            print("version=%s %s" % (feedparser.__version__, parsed.get("version", "")))
            print("peak_rss_mb=%.0f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
            """;
    static final List<String> JVM = List.of("-Xmx64m", "-XX:+UseSerialGC");

    @Override
    public String name() {
        return "rss";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        int items = 200_000;
        Path dir = Path.of("target", "bench-rss").toAbsolutePath();
        Path feed = dir.resolve("feed-" + items + ".xml");
        if (!Files.exists(feed)) {
            new RssFeedGenerator(20_240_105L).write(feed, items);
        }
        Jmh jmh = new Jmh(settings.forks(), settings.warmups(), settings.iterations(), JVM);
        Figure ours = jmh.run(RssJmh.class, "parse", Map.of("file", feed.toString())).get("parse");
        Map<String, String> child = child(feed, dir);
        List<String> ourSamples = Files.readAllLines(dir.resolve("java-samples.tsv"));

        Path seedSamples = dir.resolve("xmltodict-samples.tsv");
        Map<String, String> seed = settings.python().run(XMLTODICT, List.of(feed.toString(), seedSamples.toString(),
                Integer.toString(settings.pythonRuns())), 60);
        Figure seedTime = Python.figure(seed, "times_ms", "python3, " + settings.pythonRuns()
                + " runs in one process");
        int mismatches = mismatches(ourSamples, Files.readAllLines(seedSamples), 5);
        boolean sameCount = String.valueOf(seed.get("entries")).equals(child.get("entries"));
        String identical = sameCount && mismatches == 0
                ? "yes (" + ourSamples.size() + " sampled items: title, link, summary, date)" : "**NO**";
        report.row(new Report.Row("rss", "100 MB / 200 000 items, -Xmx64m", ours,
                "xmltodict + seed mapping", seedTime, identical));
        Figure oursCpu = CpuChild.run(RssCpuChild.class, JVM, List.of(feed.toString(),
                Integer.toString(settings.warmups()), Integer.toString(settings.iterations())), settings.warmups(),
                settings.iterations());
        Figure seedCpu = Python.figure(seed, "cpu_ms", "python3 process CPU time, " + settings.pythonRuns()
                + " runs in one process");
        report.row(new Report.Row("rss", "same, CPU time (less load-sensitive)", oursCpu,
                "xmltodict + seed mapping, CPU time", seedCpu, identical));

        StringBuilder md = new StringBuilder("## rss: streaming parse of a 100 MB feed\n\n");
        md.append(String.format(Locale.ROOT, "Input: `%s` (%.1f MB, %s items, seed 20240105). Ours: %s. Peak heap"
                        + " of one parse in a JVM capped at -Xmx64m: %.1f MB (max heap %.0f MB). Items: ours %s,"
                        + " seed %s; %d sampled items compared, %d differ.%n%n",
                feed.getFileName(), Files.size(feed) / 1e6, child.get("entries"), jmh.how(),
                Long.parseLong(child.get("peakHeapBytes")) / 1048576.0,
                Long.parseLong(child.get("maxHeapBytes")) / 1048576.0, child.get("entries"), seed.get("entries"),
                ourSamples.size(), mismatches));
        md.append("| parser | time | ratio (reference / ours) | peak memory |\n|---|---|---|---|\n");
        md.append("| ours (`FeedParser`, normalized entries) | ").append(ours.ms()).append(" | – | ")
                .append(String.format(Locale.ROOT, "%.1f MB heap", Long.parseLong(child.get("peakHeapBytes"))
                        / 1048576.0)).append(" |\n");
        md.append("| xmltodict + seed mapping | ").append(seedTime.ms()).append(" | ")
                .append(ours.speedupOver(seedTime)).append(" | ").append(seed.get("peak_rss_mb"))
                .append(" MB RSS |\n");
        feedparser(report, md, settings, feed, ours, ourSamples, child);
        md.append("\nCPU time of one parse: ours ").append(oursCpu.ms()).append(" (").append(oursCpu.how())
                .append("), xmltodict + seed mapping ").append(seedCpu.ms()).append(" → ")
                .append(oursCpu.speedupOver(seedCpu)).append(".\n");
        report.section(md.toString());
    }

    /** feedparser on the same file (its samples beside the feed), when it can be imported or installed. */
    private static void feedparser(Report report, StringBuilder md, Settings settings, Path feed, Figure ours,
                                   List<String> ourSamples, Map<String, String> child) throws IOException {
        Path dir = feed.getParent();
        FeedparserLocator.Found found = FeedparserLocator.locate();
        if (found == null) {
            md.append("| feedparser | skipped: not importable and could not be installed | – | – |\n");
            report.row(new Report.Row("rss", "same file", ours, "feedparser (not installed)", null, "–"));
            return;
        }
        int runs = Integer.getInteger("bench.feedparserRuns", 1);
        Path samples = dir.resolve("feedparser-samples.tsv");
        Map<String, String> out = found.python().run(FEEDPARSER, List.of(feed.toString(), samples.toString(),
                Integer.toString(runs)), 120);
        Figure time = Python.figure(out, "times_ms", found.python().version() + ", " + found.how() + ", " + runs
                + (runs == 1 ? " run" : " runs"));
        List<String> titles = ourSamples.stream().map(line -> line.substring(0, nthTab(line, 2))).toList();
        int mismatches = mismatches(titles, Files.readAllLines(samples), 3);
        boolean sameCount = String.valueOf(out.get("entries")).equals(child.get("entries"));
        String identical = sameCount && mismatches == 0 ? "item count and sampled titles equal" : "**NO**";
        report.row(new Report.Row("rss", "same file", ours, "feedparser " + out.get("version"), time, identical));
        md.append("| feedparser ").append(out.get("version")).append(" | ").append(time.ms()).append(" | ")
                .append(ours.speedupOver(time)).append(" | ").append(out.get("peak_rss_mb")).append(" MB RSS |\n\n")
                .append("feedparser ran on ").append(time.how()).append("; it keeps the whole document and every")
                .append(" entry in memory, so it is run ").append(runs == 1 ? "once" : runs + " times")
                .append(" (`-Dbench.feedparserRuns=N`). Its CPU time: ")
                .append(Python.figure(out, "cpu_ms", "process CPU").ms()).append(".\n");
    }

    private static Map<String, String> child(Path feed, Path dir) throws IOException, InterruptedException {
        Path samples = dir.resolve("java-samples.tsv");
        Path stats = dir.resolve("java-stats.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RssBenchmark.class.getName(), "--child", feed.toString(), samples.toString(), stats.toString())
                .inheritIO().start();
        if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the -Xmx64m parse failed");
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(stats, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static int mismatches(List<String> ours, List<String> theirs, int show) {
        int mismatches = 0;
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            String a = i < ours.size() ? ours.get(i) : "";
            String b = i < theirs.size() ? theirs.get(i) : "";
            if (!a.equals(b)) {
                mismatches++;
                if (shown.size() < show) {
                    shown.add("ours   " + a + "\ntheirs " + b);
                }
            }
        }
        shown.forEach(System.out::println);
        return mismatches;
    }

    private static int nthTab(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf('\t', at + 1);
            if (at < 0) {
                return line.length();
            }
        }
        return at;
    }
}
