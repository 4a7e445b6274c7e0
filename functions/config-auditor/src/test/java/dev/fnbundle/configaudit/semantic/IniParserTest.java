package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.configaudit.difflib.CpythonCases;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IniParserTest {
    private final IniParser parser = new IniParser();

    @Test
    void seed_template_becomes_section_dot_key_paths() {
        // when
        SortedMap<String, ConfigEntry> keys = parser.parse(CpythonCases.SEED_TEMPLATE);
        // then
        assertThat(values(keys)).containsExactlyEntriesOf(new TreeMap<>(Map.of("server.host", "0.0.0.0",
                "server.port", "8080", "server.workers", "4", "server.timeout", "30", "database.host", "db.internal",
                "database.port", "5432", "database.pool_size", "10")));
        assertThat(keys.get("database.port").name()).isEqualTo("port");
    }

    @Test
    void colon_delimiters_comments_case_and_continuations_follow_configparser() {
        // given
        String text = "; leading comment\ntop = 1\n[Main]\nName: demo # kept\n  # indented comment\n"
                + "Motd = first\n   second line\n\nempty =\n";
        // when
        Map<String, String> keys = values(parser.parse(text));
        // then
        assertThat(keys).containsEntry("top", "1").containsEntry("Main.name", "demo # kept")
                .containsEntry("Main.motd", "first\nsecond line").containsEntry("Main.empty", "").hasSize(4);
    }

    @Test
    void duplicate_key_in_a_section_is_an_error_with_its_line_and_column() {
        assertThatThrownBy(() -> parser.parse("[a]\nx = 1\nX = 2\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.format()).isEqualTo(ConfigFormat.INI);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.detail()).contains("duplicate key 'x'");
                });
    }

    @Test
    void duplicate_sections_and_lines_without_delimiter_are_errors() {
        assertThatThrownBy(() -> parser.parse("[a]\n[b]\n[a]\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> parser.parse("[a]\n  secretvalue\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).doesNotContain("secretvalue");
                });
        assertThatThrownBy(() -> parser.parse("[unclosed\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    static Map<String, String> values(SortedMap<String, ConfigEntry> keys) {
        Map<String, String> out = new TreeMap<>();
        keys.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
