package dev.fnbundle.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.CpuBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The schedule patterns ({@code rate\((\d+) ...\)}, {@code cron\((.+)\)}, the fields' {@code \s+} split) take time
 * linear in the expression: a 1 MB expression is refused in well under a second of CPU time.
 */
class WorstCaseInputTest {
    private static final int MB = 1 << 20;
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private static void refusedQuickly(String expression) {
        CpuBudget.assertWithin(BUDGET, () -> assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void a_megabyte_expression_is_refused_in_linear_time() {
        refusedQuickly("rate(" + "1".repeat(MB) + " minutes)");
        refusedQuickly("rate(" + "1".repeat(MB) + " minutes");
        refusedQuickly("cron(" + ")".repeat(MB));
        refusedQuickly("cron(" + "0 ".repeat(MB / 2) + ")");
        refusedQuickly("cron(" + " \t".repeat(MB / 2) + "x)");
        refusedQuickly("cron(0 0 " + "1,".repeat(MB / 2) + " * ? *)");
    }

    @Test
    void an_expression_longer_than_eventbridge_allows_is_refused_even_when_it_would_parse() {
        String longest = "cron(0 0 " + "1,".repeat(120) + "1 * ? *)"; // 257 characters
        assertThat(ScheduleExpression.parse("cron(0 0 " + "1,".repeat(100) + "1 * ? *)"))
                .isNotNull();
        assertThatThrownBy(() -> ScheduleExpression.parse(longest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 256 characters");
    }
}
