package dev.fnbundle.local.schedule;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression, {@code rate(value unit)} or {@code cron(six fields)}, in UTC. Parsing is
 * as strict as EventBridge's, so a template that would fail to deploy fails here first.
 */
public interface ScheduleExpression {
    Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    /** The longest rate accepted: a century, far past anything a local run (or a cron's last year) sees. */
    Duration MAX_RATE = Duration.ofDays(36_500);
    /** EventBridge's limit on a rule's ScheduleExpression; longer ones fail to deploy, so they fail here. */
    int MAX_LENGTH = 256;

    /**
     * The first fire time strictly after {@code after}, or empty when there is none (a cron whose years have
     * passed). {@code start} is when the rule was created: rates count from it.
     */
    Optional<ZonedDateTime> next(ZonedDateTime start, ZonedDateTime after);

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException explaining what is wrong, e.g. {@code rate(1 minutes)} or a rate longer
     *                                  than {@link #MAX_RATE}, or an expression over {@link #MAX_LENGTH}
     *                                  characters
     */
    static ScheduleExpression parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(text.substring(0, 40) + "...: a schedule expression can be at most "
                    + MAX_LENGTH + " characters");
        }
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            if (value == 0) {
                throw new IllegalArgumentException(expression + ": a rate must be positive");
            }
            if ((value == 1) != !unit.endsWith("s")) {
                throw new IllegalArgumentException(expression + ": EventBridge wants the singular unit for 1 and"
                        + " the plural otherwise, e.g. rate(1 hour), rate(5 minutes)");
            }
            long minutes = switch (unit.replaceAll("s$", "")) {
                case "minute" -> 1;
                case "hour" -> 60;
                default -> 24 * 60;
            };
            // Checked before multiplying: rate(9223372036854775807 minutes) would overflow Duration, then dates.
            if (value > MAX_RATE.toMinutes() / minutes) {
                throw new IllegalArgumentException(expression + ": a rate can be at most " + MAX_RATE.toDays()
                        + " days");
            }
            return new Rate(Duration.ofMinutes(value * minutes));
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return CronExpression.parse(cron.group(1));
        }
        throw new IllegalArgumentException(expression + ": not rate(value unit) or cron(minutes hours"
                + " day-of-month month day-of-week year)");
    }

    /** {@code rate(...)}: every period, counted from the rule's creation. */
    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime start, ZonedDateTime after) {
            long periods = Math.max(0, Duration.between(start, after).toMillis() / period.toMillis()) + 1;
            ZonedDateTime candidate = start.plus(period.multipliedBy(periods));
            while (!candidate.isAfter(after)) {
                candidate = candidate.plus(period);
            }
            return Optional.of(candidate);
        }
    }
}
