package dev.fnbundle.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.observe.Trigger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fires the template's schedules on time (UTC) and on demand: each rule invokes its function asynchronously with
 * the EventBridge "Scheduled Event" document, or with the rule's constant {@code Input} when it has one.
 */
public final class Scheduler implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Clock clock;
    private final String accountId;
    private final String region;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;

    /** A schedule rule: its name, what it triggers, when, with which input. */
    public record Rule(String name, FunctionPool pool, ScheduleExpression expression, String input,
                       boolean enabled, String expressionText) {
    }

    public Scheduler(List<Rule> rules, Clock clock, String accountId, String region) {
        rules.forEach(rule -> this.rules.put(rule.name(), rule));
        this.clock = clock;
        this.accountId = accountId;
        this.region = region;
    }

    public Map<String, Rule> rules() {
        return rules;
    }

    /** Starts the timers of the enabled rules. */
    public void start() {
        ZonedDateTime created = ZonedDateTime.now(clock);
        for (Rule rule : rules.values()) {
            if (rule.enabled()) {
                threads.submit(() -> timer(rule, created));
            }
        }
    }

    /** The next time a rule fires, if it is enabled and has one. */
    public Optional<ZonedDateTime> nextFire(Rule rule) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return rule.enabled() ? rule.expression().next(now, now) : Optional.empty();
    }

    /** Fires a rule once, now, whatever its schedule; false when there is no such rule. */
    public boolean fire(String name) {
        Rule rule = rules.get(name);
        if (rule == null) {
            return false;
        }
        threads.submit(() -> invoke(rule));
        return true;
    }

    private void timer(Rule rule, ZonedDateTime created) {
        ZonedDateTime after = created;
        while (running) {
            Optional<ZonedDateTime> next = rule.expression().next(created, after);
            if (next.isEmpty()) {
                return;
            }
            long waitMillis = Duration.between(ZonedDateTime.now(clock), next.get()).toMillis();
            try {
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            after = next.get();
            threads.submit(() -> invoke(rule));
        }
    }

    private void invoke(Rule rule) {
        try {
            rule.pool().invoke(event(rule), Trigger.schedule(rule.name()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The document EventBridge sends for a scheduled rule. */
    byte[] event(Rule rule) {
        if (rule.input() != null) {
            return rule.input().getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + accountId + ":rule/" + rule.name());
        event.putObject("detail");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        threads.shutdownNow();
    }
}
