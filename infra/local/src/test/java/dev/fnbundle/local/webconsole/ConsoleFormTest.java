package dev.fnbundle.local.webconsole;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.testing.CpuBudget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleFormTest {
    @Test
    void a_form_decodes_to_its_values_with_a_repeated_name_joined_by_newlines() {
        assertThat(ConsoleExchange.decode("queue=a%20b&message=1&message=2+3&flag", 1000))
                .containsExactly(Map.entry("queue", "a b"), Map.entry("message", "1\n2 3"), Map.entry("flag", ""));
    }

    @Test
    void a_pair_with_a_broken_escape_is_skipped_and_a_form_over_the_limit_is_empty() {
        assertThat(ConsoleExchange.decode("a=%zz&b=1", 1000)).containsExactly(Map.entry("b", "1"));
        assertThat(ConsoleExchange.decode("a=1", 2)).isEmpty();
    }

    @Test
    void a_half_megabyte_form_of_one_repeated_name_is_joined_in_linear_time() {
        String form = "a=x&".repeat(1 << 17);
        CpuBudget.assertWithin(Duration.ofSeconds(2), () -> assertThat(ConsoleExchange.decode(form,
                Integer.MAX_VALUE).get("a")).hasSize(2 * (1 << 17) - 1));
    }
}
