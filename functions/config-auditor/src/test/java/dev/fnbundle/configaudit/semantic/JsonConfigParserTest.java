package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonConfigParserTest {
    private final JsonConfigParser parser = new JsonConfigParser();

    @Test
    void objects_and_arrays_become_paths_with_literal_values() {
        // given
        String text = "{\"database\": {\"host\": \"db\", \"port\": 5432, \"ratio\": 1.0},"
                + " \"servers\": [\"a\", {\"name\": \"b\"}], \"e\": {}, \"l\": [], \"n\": null, \"t\": true}";
        // when
        Map<String, String> keys = IniParserTest.values(parser.parse(text));
        // then
        assertThat(keys).containsEntry("database.host", "db").containsEntry("database.port", "5432")
                .containsEntry("database.ratio", "1.0").containsEntry("servers[0]", "a")
                .containsEntry("servers[1].name", "b").containsEntry("e", "{}").containsEntry("l", "[]")
                .containsEntry("n", "null").containsEntry("t", "true").hasSize(9);
    }

    @Test
    void duplicate_key_is_an_error_at_the_second_key() {
        assertThatThrownBy(() -> parser.parse("{\n  \"a\": 1,\n  \"b\": {\"c\": 1, \"c\": 2}\n}"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.format()).isEqualTo(ConfigFormat.JSON);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(17);
                    assertThat(e.detail()).isEqualTo("duplicate key 'c'");
                });
    }

    @Test
    void syntax_errors_name_line_and_column_without_echoing_tokens() {
        assertThatThrownBy(() -> parser.parse("{\"a\": 1,\n \"password\": hunter2secret}"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).doesNotContain("hunter2secret");
                });
        assertThatThrownBy(() -> parser.parse("{} []")).isInstanceOf(ConfigParseException.class);
        assertThatThrownBy(() -> parser.parse("[".repeat(100) + "]".repeat(100)))
                .isInstanceOf(ConfigParseException.class);
    }

    @Test
    void blank_text_has_no_keys() {
        assertThat(parser.parse("  \n")).isEmpty();
    }
}
