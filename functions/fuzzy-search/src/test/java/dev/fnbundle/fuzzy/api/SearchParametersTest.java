package dev.fnbundle.fuzzy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.fuzzy.catalog.SearchRequest;
import dev.fnbundle.fuzzy.testing.CpuTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search query string: what {@code limit} and {@code threshold} accept, and that the patterns checking them run
 * in linear time on a megabyte an outsider chose (the threshold's used to take seconds on 20 000 digits).
 */
class SearchParametersTest {
    private static final int MEGABYTE = 1 << 20;
    private static final Duration GENEROUS = Duration.ofSeconds(2);

    private static SearchRequest read(Map<String, String> query) {
        return SearchParameters.read(name -> Optional.ofNullable(query.get(name)));
    }

    /** @return the 400's field errors, as text */
    private static String invalidFields(Map<String, String> query) {
        ProblemException thrown = catchThrowableOfType(ProblemException.class, () -> read(query));
        assertThat(thrown).as("a 400 for %s", query.keySet()).isNotNull();
        assertThat(thrown.problem().status()).isEqualTo(400);
        return thrown.problem().extensions().get("errors").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0.4", "1.", ".5", "+0.25", "5e-1", "4E-1", " 0.5 "})
    void a_plain_decimal_threshold_is_accepted(String threshold) {
        assertThat(read(Map.of("q", "usb", "threshold", threshold)).threshold())
                .isEqualTo(Double.parseDouble(threshold.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "0x1p-1", "1d", "0.5f", "1.2.3", ".", "e5", "1e", "", "--1"})
    void anything_else_is_not_a_threshold(String threshold) {
        assertThat(invalidFields(Map.of("q", "usb", "threshold", threshold))).contains("must be a number");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_megabyte_of_digits_and_a_letter_as_threshold_is_refused_in_well_under_a_second() {
        String digits = "1".repeat(MEGABYTE) + "x";

        Duration cpu = CpuTime.of(() -> assertThat(invalidFields(Map.of("q", "usb", "threshold", digits)))
                .contains("threshold"));

        assertThat(cpu).isLessThan(GENEROUS);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_megabyte_long_decimal_threshold_is_read_in_well_under_a_second() {
        String decimal = "0." + "5".repeat(MEGABYTE);

        Duration cpu = CpuTime.of(() -> assertThat(read(Map.of("q", "usb", "threshold", decimal)).threshold())
                .isEqualTo(5.0 / 9));

        assertThat(cpu).isLessThan(GENEROUS);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_megabyte_of_digits_as_limit_is_refused_in_well_under_a_second() {
        String digits = "9".repeat(MEGABYTE);

        Duration cpu = CpuTime.of(() -> assertThat(invalidFields(Map.of("q", "usb", "limit", digits)))
                .contains("limit"));

        assertThat(cpu).isLessThan(GENEROUS);
    }

    @Test
    void every_invalid_parameter_is_reported_at_once() {
        assertThat(invalidFields(Map.of("limit", "0", "threshold", "2", "ranker", "bm25")))
                .contains("field=q", "field=limit", "field=threshold", "field=ranker");
    }
}
