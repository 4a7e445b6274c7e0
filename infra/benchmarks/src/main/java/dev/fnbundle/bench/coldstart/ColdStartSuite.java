package dev.fnbundle.bench.coldstart;

import dev.fnbundle.bench.Settings;
import dev.fnbundle.bench.Suite;
import dev.fnbundle.bench.report.Figure;
import dev.fnbundle.bench.report.Report;
import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -Dbench.only=coldstart}: cold starts of each function's API handler, as the local runtime starts function
 * JVMs, next to a trivial handler started the same way in the same run; each function once plainly and once with
 * its SnapStart priming run during init. {@code -Dbench.coldStarts=N} cold starts per function and mode (5).
 */
public final class ColdStartSuite implements Suite {
    /** Each function's API handler, and the request its first invocation answers (from events/). */
    private static final List<Target> FUNCTIONS = List.of(
            new Target("order-resolver", "OrdersApiFunction", "order-resolver/resolve-seed.json"),
            new Target("config-auditor", "ConfigAuditApiFunction", "config-auditor/audit-seed.json"),
            new Target("rss-ingestor", "RssApiFunction", "rss-ingestor/feeds-list.json"),
            new Target("email-poller", "EmailApiFunction", "email-poller/mailboxes-list.json"),
            new Target("fuzzy-search", "FuzzyApiFunction", "fuzzy-search/catalogs-get.json"));
    private static final Target TRIVIAL = new Target("trivial handler", "TrivialFunction",
            "order-resolver/resolve-seed.json");

    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public void run(Report report, Settings settings) throws Exception {
        int runs = Integer.getInteger("bench.coldStarts", 5);
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("infra/benchmarks/target/coldstart");
        Path trivialZip = TrivialZip.write(work.resolve("trivial.zip"));
        var results = new LinkedHashMap<String, Series>();
        String client;
        try (var lab = new ColdStartLab(root, work)) {
            client = lab.clientName();
            var trivial = new FunctionSpec(TRIVIAL.logicalId(), "fnbundle-trivial", trivialZip,
                    TrivialHandler.class.getName() + "::handleRequest", "java21", 1024, 20, Map.of(), 0, List.of());
            for (int round = 0; round < runs; round++) {
                measure(lab, trivial, TRIVIAL, false, results);
                for (Target target : FUNCTIONS) {
                    var spec = lab.function(target.logicalId());
                    // Alternate which mode goes first, so a neighbour's burst does not always hit the same one.
                    boolean primedFirst = round % 2 == 1;
                    measure(lab, spec, target, primedFirst, results);
                    measure(lab, spec, target, !primedFirst, results);
                }
                System.out.printf(Locale.ROOT, "coldstart: round %d of %d done%n", round + 1, runs);
            }
        }
        write(report, results, runs, client, trivialZip);
    }

    private static void measure(ColdStartLab lab, FunctionSpec spec, Target target, boolean priming,
                                Map<String, Series> results) throws IOException, InterruptedException {
        byte[] event = Files.readAllBytes(Path.of("events", target.event()));
        var start = lab.coldStart(spec, event, priming);
        results.computeIfAbsent(key(target, priming), k -> new Series(spec, new ArrayList<>())).samples().add(start);
    }

    private static String key(Target target, boolean priming) {
        return target.label() + (priming ? " primed" : "");
    }

    private static void write(Report report, Map<String, Series> results, int runs, String client, Path trivialZip)
            throws IOException {
        String how = "median of " + runs + " cold starts, each a new JVM";
        Series trivial = results.get(key(TRIVIAL, false));
        double trivialInit = trivial.init(how).median();
        report.row(new Report.Row("coldstart", "trivial Java handler: init + first invocation",
                trivial.total(how), "–", null, "status " + trivial.statuses()));
        var table = new StringBuilder("| function (API handler) | zip | init | own init (init − trivial's median)"
                + " | first invocation | init + first | with priming during init: init | first invocation"
                + " | init + first | first request (status) |\n|---|---|---|---|---|---|---|---|---|---|\n");
        table.append(line(TRIVIAL.label() + " (`TrivialHandler`)", Files.size(trivialZip), trivial, null,
                trivialInit, how, TRIVIAL));
        for (Target target : FUNCTIONS) {
            Series plain = results.get(key(target, false));
            Series primed = results.get(key(target, true));
            table.append(line(target.label() + " (`" + plain.spec().handler().replaceAll(".*\\.", "") + "`)",
                    Files.size(plain.spec().codeUri()), plain, primed, trivialInit, how, target));
            report.row(new Report.Row("coldstart", target.label() + ": first invocation after a primed init",
                    primed.first(how), "same, unprimed init", plain.first(how),
                    plain.statuses().equals(primed.statuses()) ? "same status (" + plain.statuses() + ")"
                            : "NO: " + plain.statuses() + " vs " + primed.statuses()));
        }
        report.section(String.format(Locale.ROOT, """
                ## coldstart: cold start per function

                Each cold start is a new function JVM started by the local runtime's own `FunctionLauncher` and \
                `FunctionPool` (runtime client `%s`; the same JVM flags for every function and the trivial handler: \
                `-Xmx<MemorySize>m -XX:+UseSerialGC -Xshare:auto -XX:+ExitOnOutOfMemoryError`, MemorySize from the \
                template, 1024 for the trivial handler), against DynamoDB Local and ElasticMQ with the template's \
                tables and queues. %d cold starts per function and mode, interleaved in rounds (trivial, then each \
                function unprimed and primed, alternating which goes first). **Init**: process start to the runtime \
                client's first `GET /invocation/next` (polled every 5 ms). **First invocation**: the event handed to \
                the Runtime API until its answer. Each figure: median (min–max) of %d.

                %s
                **With priming during init**: the function JVM gets `FNBUNDLE_PRIME_ON_INIT=true`, so its handler's \
                static init runs the same `ApiPriming` entry point Lambda calls before the SnapStart snapshot \
                (`beforeCheckpoint`): an unknown-route GET and the function's DB-free hot path through a handler \
                built as Lambda builds it. Locally there is no snapshot, so priming lengthens init; on Lambda that \
                init runs once when a version is published, a restore replaces it, and what each new environment \
                still pays is the first invocation measured here (plus the restore, which cannot be measured \
                without Lambda). What priming cannot remove: the first AWS call's connection, TLS and signing set-up \
                (priming makes no network call by design).
                """, client, runs, runs, table));
    }

    private static String line(String name, long zipBytes, Series plain, Series primed, double trivialInit,
                               String how, Target target) {
        Figure init = plain.init(how);
        String own = primed == null ? "–" : String.format(Locale.ROOT, "%.0f ms", init.median() - trivialInit);
        return "| " + name + " | " + String.format(Locale.ROOT, "%.1f MB", zipBytes / 1e6) + " | " + init.ms()
                + " | " + own + " | " + plain.first(how).ms() + " | " + plain.total(how).ms() + " | "
                + (primed == null ? "– | – | –" : primed.init(how).ms() + " | " + primed.first(how).ms() + " | "
                        + primed.total(how).ms())
                + " | `" + target.event() + "` (" + plain.statuses() + ") |\n";
    }

    /** A function of the template, or the trivial one, with the event of its first invocation. */
    private record Target(String label, String logicalId, String event) {
    }

    /** The cold starts of one function in one mode. */
    private record Series(FunctionSpec spec, List<ColdStartLab.ColdStart> samples) {
        Figure init(String how) {
            return new Figure(samples.stream().mapToDouble(ColdStartLab.ColdStart::initMillis).toArray(), how);
        }

        Figure first(String how) {
            return new Figure(samples.stream().mapToDouble(ColdStartLab.ColdStart::firstMillis).toArray(), how);
        }

        Figure total(String how) {
            return new Figure(samples.stream().mapToDouble(s -> s.initMillis() + s.firstMillis()).toArray(), how);
        }

        String statuses() {
            return String.join("/", samples.stream().map(ColdStartLab.ColdStart::status).distinct().toList());
        }
    }
}
