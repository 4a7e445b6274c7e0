package dev.fnbundle.rss.entries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseBudgetTest {
    @ParameterizedTest
    @ValueSource(strings = {"plain ascii", "quotes \" and \\ backslashes", "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00",
        "tab\tnew\nline\u0001"})
    void the_size_estimate_is_never_below_the_real_json_size(String text) throws Exception {
        int json = new ObjectMapper().writeValueAsString(text).getBytes(StandardCharsets.UTF_8).length;

        assertThat(ResponseBudget.size(text)).isGreaterThanOrEqualTo(json);
    }

    @Test
    void the_first_item_always_fits_and_later_ones_only_within_the_budget() {
        var budget = new ResponseBudget();

        assertThat(budget.admit(ResponseBudget.MAX_BYTES * 2)).isTrue();
        assertThat(budget.admit(1)).isFalse();

        var fresh = new ResponseBudget();
        assertThat(fresh.admit(ResponseBudget.MAX_BYTES - 10)).isTrue();
        assertThat(fresh.admit(10)).isTrue();
        assertThat(fresh.admit(1)).isFalse();
    }
}
