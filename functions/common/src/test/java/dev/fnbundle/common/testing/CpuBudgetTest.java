package dev.fnbundle.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuBudgetTest {
    private static final Duration BUDGET = Duration.ofMillis(50);

    @Test
    void work_within_the_budget_returns_its_result_after_one_run() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(CpuBudget.call(BUDGET, runs::incrementAndGet)).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_one_off_cost_on_the_first_run_is_forgiven_when_the_rerun_is_within_the_budget() {
        AtomicInteger runs = new AtomicInteger();

        int result = CpuBudget.call(BUDGET, () -> {
            if (runs.incrementAndGet() == 1) {
                burn(Duration.ofMillis(200));
            }
            return runs.get();
        });

        assertThat(result).isEqualTo(2);
    }

    @Test
    void work_over_the_budget_on_both_runs_fails() {
        assertThatThrownBy(() -> CpuBudget.call(BUDGET, () -> burn(Duration.ofMillis(200))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("when run again, over the 50 ms budget");
    }

    private static long burn(Duration cpu) {
        var threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            spin++;
        }
        return spin;
    }
}
