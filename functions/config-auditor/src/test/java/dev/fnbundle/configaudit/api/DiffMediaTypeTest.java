package dev.fnbundle.configaudit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffMediaTypeTest {
    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html|HTML",
        "text/plain|PLAIN",
        "*/*|PLAIN",
        "''|PLAIN",
        "text/*|PLAIN",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|HTML",
        "text/plain;q=0.5, text/html|HTML",
        "text/html;q=0, */*|PLAIN",
        "TEXT/HTML|HTML",
        "application/json|NONE",
        "application/json, text/*;q=0|NONE",
        "text/plain;q=0, text/html;q=0|NONE",
        "text/html;q=abc|NONE",
    })
    void chooses_by_the_most_specific_range_and_its_weight(String accept, String expected) {
        Optional<DiffMediaType> chosen = DiffMediaType.choose(accept);

        assertThat(chosen.map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }
}
