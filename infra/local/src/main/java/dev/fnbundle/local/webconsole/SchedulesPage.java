package dev.fnbundle.local.webconsole;

import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.Trigger;
import dev.fnbundle.local.schedule.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Schedules: each rule's expression, next fire time (UTC), last runs with their results, and "fire now". */
final class SchedulesPage {
    private static final int LAST_RUNS = 5;

    private final BundleRuntime stack;

    SchedulesPage(BundleRuntime stack) {
        this.stack = stack;
    }

    Html render() {
        Scheduler scheduler = stack.scheduler();
        if (scheduler == null || scheduler.rules().isEmpty()) {
            return Views.empty("The template has no schedule.");
        }
        List<InvocationRecord> records = stack.recorder().invocations();
        var rows = new ArrayList<Html>();
        for (Scheduler.Rule rule : scheduler.rules().values()) {
            var runs = new ArrayList<Html>();
            for (int i = records.size() - 1; i >= 0 && runs.size() < LAST_RUNS; i--) {
                InvocationRecord record = records.get(i);
                if (record.trigger().kind() == Trigger.Kind.SCHEDULE && record.trigger().detail().equals(rule.name())
                        && record.function().equals(rule.pool().spec().logicalId())) {
                    runs.add(Html.of("<li>{} {} {} {}</li>", Views.link(Layout.ROOT + "invocations/",
                            record.requestId(), Map.of(), Views.dateTime(record.start())),
                            Views.badge(record.status()), Views.millis(record.durationMillis()),
                            record.errorType() == null ? "" : record.errorType()));
                }
            }
            rows.add(Html.of("""
                    <tr data-rule="{}"><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td>
                    <td>{}</td><td><form class="action" data-action="{}" method="post">
                    <button type="submit">Fire now</button></form></td></tr>""", rule.name(), rule.name(),
                    rule.pool().spec().logicalId(), rule.expressionText(),
                    Views.badge(rule.enabled() ? "enabled" : "disabled"),
                    scheduler.nextFire(rule).map(next -> Views.dateTime(next.toInstant())).orElse("never"),
                    runs.isEmpty() ? Html.of("<span class=\"muted\">not run yet</span>")
                            : Html.of("<ul class=\"runs\">{}</ul>", Html.join(runs)),
                    Html.url(Layout.ROOT + "schedules/", rule.name(), "/fire", Map.of())));
        }
        return Html.of("""
                <table class="grid"><thead><tr><th>Rule</th><th>Function</th><th>Expression</th><th>State</th>
                <th>Next fire (UTC)</th><th>Last runs (newest first)</th><th></th></tr></thead>
                <tbody>{}</tbody></table>
                <p class="hint">"Fire now" invokes the rule's function at once with the event EventBridge would
                send; the run shows up here and on the Invocations page.</p>""", Html.join(rows));
    }
}
