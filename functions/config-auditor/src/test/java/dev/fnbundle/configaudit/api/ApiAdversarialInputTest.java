package dev.fnbundle.configaudit.api;

import static dev.fnbundle.configaudit.testing.Timing.finishesInLinearTime;
import static dev.fnbundle.configaudit.testing.Timing.megabyteOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 item 1: the header readers of the HTTP side read a 1 MB header in linear time. */
class ApiAdversarialInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"1\",", "W/\"", "\"", "\"9", " ", ","})
    void an_if_match_header_of_a_megabyte_is_read_in_linear_time(String unit) {
        String header = megabyteOf(unit);

        finishesInLinearTime(() -> {
            try {
                return EntityTags.precondition(Optional.of(header), Optional.empty());
            } catch (InvalidFieldsException e) {
                return null;
            }
        });
        assertThatThrownBy(() -> EntityTags.precondition(Optional.of("\"" + megabyteOf("1")), Optional.empty()))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html;q=0.1,", ";", ",", "*/*;q=", "text/plain;q=1;q=1;"})
    void an_accept_header_of_a_megabyte_is_read_in_linear_time(String unit) {
        String header = megabyteOf(unit);

        assertThat(finishesInLinearTime(() -> DiffMediaType.choose(header))).isNotNull();
    }
}
