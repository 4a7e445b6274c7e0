package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlConfigParserTest {
    private final YamlConfigParser parser = new YamlConfigParser();

    @Test
    void nested_maps_and_lists_become_dotted_and_indexed_paths() {
        // given
        String text = """
                database:
                  host: db.internal   # comment
                  port: 5432
                servers:
                  - web1
                  - name: web2
                    tags: []
                "dotted.key": x
                empty: {}
                nothing: null
                """;
        // when
        Map<String, String> keys = IniParserTest.values(parser.parse(text));
        // then
        assertThat(keys).containsEntry("database.host", "db.internal").containsEntry("database.port", "5432")
                .containsEntry("servers[0]", "web1").containsEntry("servers[1].name", "web2")
                .containsEntry("servers[1].tags", "[]").containsEntry("[\"dotted.key\"]", "x")
                .containsEntry("empty", "{}").containsEntry("nothing", "null").hasSize(8);
        assertThat(parser.parse(text).get("servers[0]").name()).isEqualTo("servers");
    }

    @Test
    void values_are_compared_after_yaml_typing_and_merge_keys_apply() {
        // given
        String a = "port: 8080\nenabled: yes\nbase: &b {x: 1}\nchild:\n  <<: *b\n  y: 2\n";
        String b = "port: \"8080\"\nenabled: true\nbase: {x: 1}\nchild: {x: 1, y: 2}\n";
        // when / then
        assertThat(IniParserTest.values(parser.parse(a))).isEqualTo(IniParserTest.values(parser.parse(b)));
    }

    @Test
    void duplicate_keys_custom_tags_and_alias_bombs_are_rejected() {
        assertThatThrownBy(() -> parser.parse("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> parser.parse("x: !!python/object:os.system ls\n"))
                .isInstanceOf(ConfigParseException.class);
        assertThatThrownBy(() -> parser.parse("x: !custom 1\n")).isInstanceOf(ConfigParseException.class);
        StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
        for (int i = 1; i < 60; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i == 1 ? "" : i - 1)
                    .append(", *a").append(i == 1 ? "" : i - 1).append("]\n");
        }
        assertThatThrownBy(() -> parser.parse(bomb.toString())).isInstanceOf(ConfigParseException.class);
    }

    @Test
    void syntax_errors_carry_line_and_column_but_not_the_value() {
        assertThatThrownBy(() -> parser.parse("ok: 1\npassword: \"hunter2-secret\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.line()).isGreaterThanOrEqualTo(2);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
    }

    @Test
    void a_scalar_document_has_the_single_key_dollar_and_an_empty_one_none() {
        assertThat(IniParserTest.values(parser.parse("just text\n"))).containsExactly(Map.entry("$", "just text"));
        assertThat(parser.parse("# only a comment\n")).isEmpty();
    }

    @Test
    void a_line_longer_than_256_k_characters_is_refused_at_its_line_and_a_100_kb_one_is_read() {
        // given: SnakeYAML reads one long token in quadratic time, so lines are capped
        String longLine = "a: 1\nb: " + "x".repeat(YamlConfigParser.MAX_LINE_LENGTH) + "\n";
        // when / then
        assertThatThrownBy(() -> parser.parse(longLine)).isInstanceOfSatisfying(ConfigParseException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.detail()).contains("too long");
        });
        assertThat(parser.parse("b: \"" + "x".repeat(100_000) + "\"\n").get("b").value()).hasSize(100_000);
    }
}
