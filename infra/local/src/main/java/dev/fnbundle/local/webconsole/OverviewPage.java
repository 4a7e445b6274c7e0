package dev.fnbundle.local.webconsole;

import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.observe.InstanceEvent;
import dev.fnbundle.local.observe.InvocationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Overview: each function's instances and recent invocations, the embedded services, the time to ready. */
final class OverviewPage {
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final BundleRuntime stack;

    OverviewPage(BundleRuntime stack) {
        this.stack = stack;
    }

    Html render() {
        Instant since = Instant.now().minus(WINDOW);
        List<InvocationRecord> recent = stack.recorder().invocations().stream()
                .filter(record -> record.start().isAfter(since)).toList();
        List<InstanceEvent> instances = stack.recorder().instances();
        var rows = new ArrayList<Html>();
        for (FunctionPool pool : stack.pools().values()) {
            String function = pool.spec().logicalId();
            rows.add(row(pool, instanceCounts(instances, function),
                    recent.stream().filter(record -> record.function().equals(function)).toList()));
        }
        long ready = stack.readyMillis();
        return Html.of("""
                <section class="cards">
                <div class="card"><span class="label">functions</span><span class="value">{}</span></div>
                <div class="card"><span class="label">invocations, last 5 min</span><span class="value">{}</span></div>
                <div class="card"><span class="label">errors, last 5 min</span><span class="value {}">{}</span></div>
                <div class="card"><span class="label">time to ready</span><span class="value">{}</span></div>
                </section>
                <h2>Functions</h2>
                <table class="grid"><thead><tr><th>Function</th><th>Instances</th><th class="num">Invocations</th>
                <th class="num">Errors</th><th class="num">p50</th><th class="num">p99</th>
                <th class="num">Cold starts</th>
                <th>Memory</th><th>Timeout</th></tr></thead>
                <tbody>{}</tbody></table>
                <p class="hint">Counts cover the last 5 minutes; instances are the function's JVMs (warm: idle and
                ready, busy: serving an invocation).</p>
                <h2>Services</h2>
                {}
                """, stack.pools().size(), recent.size(),
                recent.stream().anyMatch(r -> !r.succeeded()) ? "bad" : "",
                recent.stream().filter(r -> !r.succeeded()).count(),
                ready < 0 ? "starting" : ready + " ms", Html.join(rows), services());
    }

    private static Html row(FunctionPool pool, Map<InstanceEvent.State, Integer> counts,
                            List<InvocationRecord> records) {
        String function = pool.spec().logicalId();
        double[] durations = records.stream().mapToDouble(InvocationRecord::durationMillis).sorted().toArray();
        long errors = records.stream().filter(r -> !r.succeeded()).count();
        var states = new ArrayList<Html>();
        addState(states, counts, InstanceEvent.State.STARTING, "starting");
        addState(states, counts, InstanceEvent.State.READY, "warm");
        addState(states, counts, InstanceEvent.State.BUSY, "busy");
        addState(states, counts, InstanceEvent.State.FAILED, "failed");
        if (states.isEmpty()) {
            states.add(Html.of("<span class=\"muted\">none</span>"));
        }
        return Html.of("""
                <tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num {}">{}</td><td class="num">{}</td>
                <td class="num">{}</td><td class="num">{}</td><td>{} MB</td><td>{} s</td></tr>
                """, Views.link(Layout.ROOT + "invocations", null, Map.of("function", function), function),
                Html.join(states), records.size(), errors > 0 ? "bad" : "", errors,
                Views.millis(percentile(durations, 50)), Views.millis(percentile(durations, 99)),
                records.stream().filter(InvocationRecord::cold).count(), pool.spec().memoryMb(),
                pool.spec().timeoutSeconds());
    }

    private static void addState(List<Html> states, Map<InstanceEvent.State, Integer> counts,
                                 InstanceEvent.State state, String name) {
        int count = counts.getOrDefault(state, 0);
        if (count > 0) {
            states.add(Html.of("{} {}", count, Views.badge(name)));
        }
    }

    private static Map<InstanceEvent.State, Integer> instanceCounts(List<InstanceEvent> instances, String function) {
        var counts = new EnumMap<InstanceEvent.State, Integer>(InstanceEvent.State.class);
        instances.stream().filter(event -> event.function().equals(function))
                .forEach(event -> counts.merge(event.state(), 1, Integer::sum));
        return counts;
    }

    /** The nearest-rank percentile of sorted values; -1 when there are none. */
    static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private Html services() {
        var rows = new ArrayList<Html>();
        rows.add(service("HTTP API and this console", "http://localhost:" + stack.port(), "JWT authorizer"));
        rows.add(service("DynamoDB Local", stack.dynamoEndpoint().toString(),
                stack.model().tables().size() + " tables"));
        rows.add(service("ElasticMQ (SQS)", stack.sqsEndpoint().toString(),
                stack.model().queues().size() + " queues"));
        if (stack.mail() != null) {
            var ports = stack.mail().ports();
            rows.add(service("GreenMail", String.format(Locale.ROOT, "smtp %d, imap %d, imaps %d", ports.smtp(),
                    ports.imap(), ports.imaps()), "demo@localhost / demo"));
        }
        return Html.of("""
                <table class="grid"><thead><tr><th>Service</th><th>Address</th><th>Notes</th></tr></thead>
                <tbody>{}</tbody></table>""", Html.join(rows));
    }

    private static Html service(String name, String address, String notes) {
        return Html.of("<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>", name, address, notes);
    }
}
