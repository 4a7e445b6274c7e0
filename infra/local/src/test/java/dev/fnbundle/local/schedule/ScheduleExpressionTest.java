package dev.fnbundle.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleExpressionTest {
    private static final ZonedDateTime START = ZonedDateTime.parse("2026-11-25T10:17:30Z");

    private static String next(String expression, String after) {
        return ScheduleExpression.parse(expression).next(START, ZonedDateTime.parse(after)).orElseThrow().toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate(5 minutes)     | 2026-11-25T10:17:30Z | 2026-11-25T10:22:30Z",
        "rate(5 minutes)     | 2026-11-25T10:22:30Z | 2026-11-25T10:27:30Z",
        "rate(1 hour)        | 2026-11-25T12:00:00Z | 2026-11-25T12:17:30Z",
        "rate(1 day)         | 2026-11-25T10:17:30Z | 2026-11-26T10:17:30Z",
        "cron(0 3 * * ? *)   | 2026-11-25T10:17:30Z | 2026-11-26T03:00Z",
        "cron(*/15 * * * ? *)| 2026-11-25T10:17:30Z | 2026-11-25T10:30Z",
        "cron(0 9 ? * MON-FRI *) | 2026-11-27T10:00:00Z | 2026-11-30T09:00Z",
        "cron(0 12 L * ? *)  | 2026-11-25T10:17:30Z | 2026-11-30T12:00Z",
        "cron(0 0 ? * 6L *)  | 2026-11-25T10:17:30Z | 2026-11-27T00:00Z",
        "cron(0 0 ? * 3#2 *) | 2026-11-25T10:17:30Z | 2026-12-08T00:00Z",
        "cron(0 8 15W * ? *) | 2026-11-01T00:00:00Z | 2026-11-16T08:00Z",
        "cron(0 0 1 JAN ? 2027) | 2026-11-25T10:17:30Z | 2027-01-01T00:00Z",
        "cron(0/30 8-9 * * ? *) | 2026-11-25T08:45:00Z | 2026-11-25T09:00Z",
    })
    void the_next_fire_time_follows_eventbridge_semantics_in_utc(String expression, String after, String expected) {
        assertThat(next(expression.trim(), after.trim())).isEqualTo(expected.trim());
    }

    @Test
    void a_cron_whose_years_are_over_never_fires_again() {
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").next(START, START)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate(1 minutes)       | singular unit for 1",
        "rate(5 minute)        | singular unit for 1",
        "rate(0 minutes)       | must be positive",
        "rate(5 weeks)         | not rate(value unit)",
        "cron(0 3 * * *)       | needs 6 fields",
        "cron(0 3 * * * *)     | exactly one of day-of-month and day-of-week",
        "cron(0 25 * * ? *)    | 25 is outside 0-23",
        "cron(0 3 * FOO ? *)   | 'FOO' is not a number",
        "every day             | not rate(value unit)",
        "rate(36501 days)      | at most 36500 days",
        "rate(9223372036854775807 minutes) | at most 36500 days",
        "rate(99999999999999999999 days)   | 99999999999999999999",
        "cron(0 0 1, * ? *)    | '' is not a number",
        "cron(0 0 ,1 * ? *)    | '' is not a number",
        "cron(0 1 ? * # *)     | '' is not a number",
        "cron(0 1 ? * 2# *)    | '' is not a number",
        "cron(0 1 ? * #2 *)    | '' is not a number",
        "cron(0 1 ? * 2#1#3 *) | '2#1#3' is not DAY#N",
    })
    void invalid_expressions_are_refused_with_a_reason(String expression, String reason) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression.trim()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason.trim());
    }
}
