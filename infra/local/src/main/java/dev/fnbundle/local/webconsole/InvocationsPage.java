package dev.fnbundle.local.webconsole;

import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.LogLine;
import dev.fnbundle.local.observe.Observer;
import dev.fnbundle.local.observe.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Invocations: a live list (server-sent events) with filters, and one invocation with its event, answer and logs. */
final class InvocationsPage {
    private static final int MAX_ROWS = 200;

    private final BundleRuntime stack;

    InvocationsPage(BundleRuntime stack) {
        this.stack = stack;
    }

    /** The list, newest first, filtered by the query's function, status and trigger. */
    Html list(ConsoleExchange exchange) {
        Predicate<InvocationRecord> filter = filter(exchange);
        List<InvocationRecord> all = stack.recorder().invocations();
        var shown = new ArrayList<Html>();
        long last = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            last = Math.max(last, all.get(i).sequence());
            if (shown.size() < MAX_ROWS && filter.test(all.get(i))) {
                shown.add(row(all.get(i)));
            }
        }
        var query = new LinkedHashMap<>(exchange.query());
        query.put("after", Long.toString(last));
        return Html.of("""
                <form class="filters" method="get" action="/_local/console/invocations">
                <label>Function {}</label>
                <label>Status {}</label>
                <label>Trigger {}</label>
                <button type="submit">Filter</button>
                <span class="live-state" data-live-for="invocations">live</span>
                </form>
                <table class="grid live"><thead><tr><th>Time (UTC)</th><th>Function</th><th>Trigger</th>
                <th>Status</th><th class="num">Duration</th><th class="num">Init</th><th>Request id</th></tr></thead>
                <tbody id="invocations" data-stream="{}" data-max-rows="500">{}</tbody></table>
                {}
                """, select("function", exchange.query("function"), functions()),
                select("status", exchange.query("status"), List.of("ok", "failed")),
                select("trigger", exchange.query("trigger"), List.of("route", "queue", "schedule", "invoke")),
                Html.url(Layout.ROOT + "invocations/stream", query), Html.join(shown),
                shown.isEmpty() ? Views.empty("No invocation yet: call a route, send a message or fire a schedule;"
                        + " new ones appear here as they finish.") : Html.EMPTY);
    }

    /** The live feed behind the list, with the list's filter. */
    EventStream.Feed<InvocationRecord> feed(ConsoleExchange exchange) {
        return new EventStream.Feed<>(stack.recorder()::invocations, consumer -> stack.recorder().subscribe(
                new Observer() {
                    @Override
                    public void invocation(InvocationRecord record) {
                        consumer.accept(record);
                    }
                }), InvocationRecord::sequence, filter(exchange), InvocationsPage::row);
    }

    static Html row(InvocationRecord record) {
        return Html.of("""
                <tr class="{}"><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td class="num">{}</td>\
                <td class="num">{}</td><td>{}</td></tr>""",
                record.succeeded() ? "" : "failed", Views.time(record.start()), record.function(),
                Views.badge(record.trigger().kind().name().toLowerCase(Locale.ROOT)), record.trigger().detail(),
                Views.badge(record.status()), Views.millis(record.durationMillis()),
                record.cold() ? Views.millis(record.initMillis()) : "",
                Views.link(Layout.ROOT + "invocations/", record.requestId(), Map.of(), record.requestId()));
    }

    /** One invocation, or null when the recorder no longer holds it. */
    Html detail(String requestId) {
        var found = stack.recorder().invocation(requestId);
        if (found.isEmpty()) {
            return null;
        }
        InvocationRecord record = found.get();
        List<LogLine> lines = stack.recorder().logsOf(record.function(), requestId);
        return Html.of("""
                <dl class="facts">
                <dt>Request id</dt><dd><code>{}</code></dd>
                <dt>Function</dt><dd>{} (instance #{})</dd>
                <dt>Trigger</dt><dd>{} {}</dd>
                <dt>Started</dt><dd>{}</dd>
                <dt>Status</dt><dd>{} {}</dd>
                <dt>Duration</dt><dd>{}{}</dd>
                <dt>Memory</dt><dd>{} MB max used of {} MB</dd>
                </dl>
                <pre class="code report">{}</pre>
                <div class="split">
                <section><h2>Event</h2>{}</section>
                <section><h2>Response</h2>{}</section>
                </div>
                <h2>Log lines of this request</h2>
                {}
                """, record.requestId(), record.function(), record.instance(),
                Views.badge(record.trigger().kind().name().toLowerCase(Locale.ROOT)), record.trigger().detail(),
                Views.dateTime(record.start()), Views.badge(record.status()),
                record.errorType() == null ? "" : record.errorType(), Views.millis(record.durationMillis()),
                record.cold() ? " (cold start, init " + Views.millis(record.initMillis()) + ")" : " (warm)",
                record.maxMemoryUsedMb() < 0 ? "n/a" : record.maxMemoryUsedMb(), record.memorySizeMb(),
                record.reportLine().replace('\t', ' '), Views.pre(record.event()), Views.pre(record.response()),
                lines.isEmpty() ? Views.empty("This request printed nothing.") : LogsPage.table(lines, null));
    }

    private List<String> functions() {
        return new ArrayList<>(stack.pools().keySet());
    }

    static Html select(String name, String chosen, List<String> options) {
        var items = new ArrayList<Html>();
        items.add(Html.of("<option value=\"\">all</option>"));
        for (String option : options) {
            items.add(Html.of("<option value=\"{}\"{}>{}</option>", option,
                    option.equals(chosen) ? new Html(" selected") : Html.EMPTY, option));
        }
        return Html.of("<select name=\"{}\">{}</select>", name, Html.join(items));
    }

    private static Predicate<InvocationRecord> filter(ConsoleExchange exchange) {
        String function = exchange.query("function");
        String status = exchange.query("status");
        String trigger = exchange.query("trigger");
        return record -> (function.isEmpty() || record.function().equals(function))
                && (status.isEmpty() || status.equals("ok") == record.succeeded())
                && (trigger.isEmpty() || kind(record.trigger()).equals(trigger));
    }

    private static String kind(Trigger trigger) {
        return trigger.kind().name().toLowerCase(Locale.ROOT);
    }
}
