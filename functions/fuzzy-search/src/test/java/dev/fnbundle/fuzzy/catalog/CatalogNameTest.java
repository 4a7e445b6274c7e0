package dev.fnbundle.fuzzy.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.testing.CpuTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Catalog names: 1 to 64 of a-z, 0-9 and '-', checked in linear time whatever the path holds. */
class CatalogNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "books", "books-2024", "0", "-"})
    void short_names_of_lower_case_letters_digits_and_dashes_are_valid(String name) {
        assertThat(CatalogService.validName(name)).isEqualTo(name);
        assertThat(CatalogService.validName("x".repeat(64))).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Books", "books_2024", "böcker", "books/1", " books"})
    void anything_else_is_an_invalid_name(String name) {
        assertThatThrownBy(() -> CatalogService.validName(name)).isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> CatalogService.validName("x".repeat(65))).isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_megabyte_long_name_is_refused_in_well_under_a_second() {
        String name = "a-".repeat(1 << 19) + "!";

        Duration cpu = CpuTime.of(() -> assertThatThrownBy(() -> CatalogService.validName(name))
                .isInstanceOf(InvalidFieldsException.class));

        assertThat(cpu).isLessThan(Duration.ofSeconds(2));
    }
}
