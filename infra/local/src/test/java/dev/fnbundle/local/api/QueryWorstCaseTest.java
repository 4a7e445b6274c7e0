package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.testing.CpuBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The local API gateway's query parsing is linear in the query: a megabyte of one repeated parameter (which API
 * Gateway joins with commas) does not copy the joined value once per repetition.
 */
class QueryWorstCaseTest {
    @Test
    void a_megabyte_of_one_repeated_parameter_is_joined_in_linear_time() {
        String query = "a=x&".repeat(1 << 18);
        CpuBudget.assertWithin(Duration.ofSeconds(2), () -> assertThat(ApiEvents.query(query).get("a"))
                .hasSize(2 * (1 << 18) - 1));
    }
}
