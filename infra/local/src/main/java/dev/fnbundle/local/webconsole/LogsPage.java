package dev.fnbundle.local.webconsole;

import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.observe.LogLevel;
import dev.fnbundle.local.observe.LogLine;
import dev.fnbundle.local.observe.Observer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Logs: what the functions print, per function or all, live, by minimum level and by request id. */
final class LogsPage {
    private static final int MAX_LINES = 500;

    private final BundleRuntime stack;

    LogsPage(BundleRuntime stack) {
        this.stack = stack;
    }

    Html render(ConsoleExchange exchange) {
        List<LogLine> lines = lines(exchange.query("function"));
        Predicate<LogLine> filter = filter(exchange);
        long last = lines.stream().mapToLong(LogLine::sequence).max().orElse(0);
        List<LogLine> shown = lines.stream().filter(filter).toList();
        shown = shown.subList(Math.max(0, shown.size() - MAX_LINES), shown.size());
        var query = new LinkedHashMap<>(exchange.query());
        query.put("after", Long.toString(last));
        return Html.of("""
                <form class="filters" method="get" action="/_local/console/logs">
                <label>Function {}</label>
                <label>Level at least {}</label>
                <label>Request id <input type="search" name="request" value="{}" placeholder="part of an id"
                 size="24"></label>
                <button type="submit">Filter</button>
                <span class="live-state" data-live-for="log">live</span>
                </form>
                {}
                """, InvocationsPage.select("function", exchange.query("function"),
                        new ArrayList<>(stack.pools().keySet())),
                InvocationsPage.select("level", exchange.query("level"), List.of("DEBUG", "INFO", "WARN", "ERROR")),
                exchange.query("request"),
                table(shown, Html.url(Layout.ROOT + "logs/stream", query)));
    }

    /** Log lines as a table; with a stream URL, new lines are appended live. */
    static Html table(List<LogLine> lines, Html stream) {
        return Html.of("""
                <table class="grid log"><thead><tr><th>Time (UTC)</th><th>Function</th><th>Level</th>
                <th>Request id</th><th>Line</th></tr></thead>
                <tbody id="log"{}{}>{}</tbody></table>{}""",
                stream == null ? Html.EMPTY : Html.of(" data-stream=\"{}\"", stream),
                stream == null ? Html.EMPTY : new Html(" data-append data-max-rows=\"2000\""),
                Html.each(lines, LogsPage::row),
                lines.isEmpty() && stream != null ? Views.empty("No line matches yet; new ones appear as they are"
                        + " printed.") : Html.EMPTY);
    }

    static Html row(LogLine line) {
        return Html.of("""
                <tr class="level-{}"><td>{}</td><td>{} #{}</td><td>{}</td><td>{}</td>\
                <td class="line">{}</td></tr>""", line.level().name().toLowerCase(Locale.ROOT),
                Views.time(line.time()), line.function(), line.instance(), Views.badge(line.level().name()),
                line.requestId() == null ? Html.EMPTY : Views.link(Layout.ROOT + "invocations/", line.requestId(),
                        Map.of(), shortId(line.requestId())), line.text());
    }

    EventStream.Feed<LogLine> feed(ConsoleExchange exchange) {
        String function = exchange.query("function");
        return new EventStream.Feed<>(() -> lines(function), consumer -> stack.recorder().subscribe(new Observer() {
            @Override
            public void log(LogLine line) {
                if (function.isEmpty() || line.function().equals(function)) {
                    consumer.accept(line);
                }
            }
        }), LogLine::sequence, filter(exchange), LogsPage::row);
    }

    private List<LogLine> lines(String function) {
        if (!function.isEmpty()) {
            return stack.recorder().logs(function);
        }
        var all = new ArrayList<LogLine>();
        stack.pools().keySet().forEach(name -> all.addAll(stack.recorder().logs(name)));
        all.sort(Comparator.comparingLong(LogLine::sequence));
        return all;
    }

    private static Predicate<LogLine> filter(ConsoleExchange exchange) {
        LogLevel minimum = level(exchange.query("level"));
        String request = exchange.query("request").trim().toLowerCase(Locale.ROOT);
        return line -> line.level().compareTo(minimum) >= 0 && (request.isEmpty()
                || line.requestId() != null && line.requestId().toLowerCase(Locale.ROOT).contains(request));
    }

    private static LogLevel level(String name) {
        for (LogLevel level : LogLevel.values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return LogLevel.TRACE;
    }

    private static String shortId(String requestId) {
        return requestId.length() > 8 ? requestId.substring(0, 8) + "…" : requestId;
    }
}
