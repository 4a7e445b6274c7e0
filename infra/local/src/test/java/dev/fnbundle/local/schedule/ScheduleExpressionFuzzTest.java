package dev.fnbundle.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Fuzz target: EventBridge schedule expressions from the template. {@link ScheduleExpression#parse} returns an
 * expression or throws {@link IllegalArgumentException} saying what is wrong (the template is refused at start);
 * a parsed expression's next fire time is strictly after the given instant and is found in bounded time.
 */
class ScheduleExpressionFuzzTest {
    private static final ZonedDateTime CREATED = ZonedDateTime.parse("2026-01-01T00:00:00Z");
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-07T12:34:56Z");

    @FuzzTest
    void an_expression_parses_or_is_refused_and_fires_after_now(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        ScheduleExpression expression;
        try {
            expression = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> ScheduleExpression.parse(text));
        } catch (IllegalArgumentException expected) {
            return;
        }
        Optional<ZonedDateTime> next = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> expression.next(CREATED, NOW));
        next.ifPresent(t -> assertThat(t).isAfter(NOW));
        Optional<ZonedDateTime> fromCreation = CpuBudget.call(CpuBudget.FUZZ_INPUT,
                () -> expression.next(CREATED, CREATED));
        fromCreation.ifPresent(t -> assertThat(t).isAfter(CREATED));
    }
}
