package dev.fnbundle.bench;

import dev.fnbundle.bench.audit.AuditHttpSuite;
import dev.fnbundle.bench.audit.AuditSuite;
import dev.fnbundle.bench.coldstart.ColdStartSuite;
import dev.fnbundle.bench.drift.DriftSuite;
import dev.fnbundle.bench.fuzzy.FuzzySuite;
import dev.fnbundle.bench.local.LocalRuntimeSuite;
import dev.fnbundle.bench.orders.OrdersSuite;
import dev.fnbundle.bench.report.Machine;
import dev.fnbundle.bench.report.Report;
import dev.fnbundle.bench.rss.RssSuite;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entry point of every benchmark.
 *
 * <p>{@code ./mvnw -Pbench} runs {@code Bench report [names]}: every suite (or those named by
 * {@code -Dbench.only=orders,rss}) in one invocation, ours and the Python reference side by side, and writes
 * {@code infra/benchmarks/RESULTS.md}. {@code Bench NAME [args]} runs one side-by-side program alone and prints
 * its figures ({@code ./mvnw -q -pl infra/benchmarks exec:exec -Dbench=NAME}).
 */
public final class Bench {
    static final Path RESULTS = Path.of("infra", "benchmarks", "RESULTS.md");

    private static final Map<String, String> PROGRAMS = new TreeMap<>(Map.of(
            "orders", "dev.fnbundle.bench.orders.OrdersBenchmark",
            "rss", "dev.fnbundle.bench.rss.RssBenchmark",
            "email", "dev.fnbundle.bench.email.EmailBenchmark",
            "audit-profile", "dev.fnbundle.bench.audit.AuditCpuProfile"));

    private Bench() {
    }

    static List<Suite> suites() {
        return List.of(
                new OrdersSuite(),
                new RssSuite(),
                new DriftSuite(),
                new AuditSuite(),
                new AuditHttpSuite(),
                new FuzzySuite(),
                new CapturedSuite("email", List.of("1000", "3"), "email: invoice mails over IMAP (own harness)",
                        "1 000 invoice mails (the program's default is 2 000; halved here because every run"
                                + " round-trips GreenMail, which dominates the time) in an in-process GreenMail;"
                                + " ours 3 runs (cold = first, best = fastest), the seed's imaplib loop once."),
                new ColdStartSuite(),
                new LocalRuntimeSuite());
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        if (name.equals("report")) {
            report(args.length > 1 ? args[1] : "");
            // DynamoDB Local leaves a non-daemon job thread (ShardRolloverJobScheduler) running after close, which
            // kept this JVM, and so ./mvnw -Pbench, alive after the results were written.
            System.exit(0);
        }
        String className = PROGRAMS.get(name);
        if (className == null) {
            System.out.println("usage: ./mvnw -Pbench [-Dbench.only=orders,rss]  (all, writes " + RESULTS + ")");
            System.out.println("       ./mvnw -q -pl infra/benchmarks exec:exec -Dbench=NAME [-Dbench.args=...]");
            System.out.println("benchmarks: " + String.join(", ", PROGRAMS.keySet()));
            return;
        }
        Method main = Class.forName(className).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void report(String only) throws Exception {
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : only.split(",")) {
            if (!part.isBlank()) {
                wanted.add(part.strip());
            }
        }
        Settings settings = Settings.fromSystemProperties();
        Report report = new Report();
        report.order(suites().stream().map(Suite::name).toList());
        String previous = !wanted.isEmpty() && Files.exists(RESULTS) ? Files.readString(RESULTS) : null;
        if (previous != null) {
            // A partial run refreshes its suites; the others keep the figures of the run that wrote them.
            report.keepPrevious(previous, wanted);
        }
        String python = settings.python().version();
        report.header("Written by `./mvnw -Pbench" + (wanted.isEmpty() ? "" : " -Dbench.only=" + String.join(",",
                wanted)) + "` on " + Machine.now() + (wanted.isEmpty() ? "" : "; the other suites' rows and sections"
                + " are kept from the previous file, measured by the run it names") + ".\n");
        report.header("- Machine: " + Machine.cpu() + "; load average at the start " + Machine.load()
                + " (above the core count means other work shared the CPUs).");
        report.header("- JDK: " + Machine.jdk() + "; JMH 1.37.");
        report.header("- Python: " + (python == null ? "python3 not found" : python) + ".");
        if (previous != null) {
            previous.lines().filter(line -> line.startsWith("Written by") || line.startsWith("- Kept:")).findFirst()
                    .ifPresent(line -> report.header("- Kept: the other suites' figures, from a file "
                            + line.replaceFirst("^- Kept: the other suites' figures, from a file ", "")
                            .replaceFirst("^W", "w")));
        }
        for (Suite suite : suites()) {
            if (!wanted.isEmpty() && !wanted.contains(suite.name())) {
                continue;
            }
            System.out.println("== " + suite.name());
            try {
                suite.run(report, settings);
            } catch (Exception | Error e) {
                report.section("## " + suite.name() + ": FAILED\n\n```\n" + e + "\n```");
                System.out.println(suite.name() + " failed: " + e);
            }
            report.write(RESULTS);
        }
        report.header("- Load average at the end: " + Machine.load() + ".");
        report.write(RESULTS);
        System.out.println("wrote " + RESULTS.toAbsolutePath());
    }
}
