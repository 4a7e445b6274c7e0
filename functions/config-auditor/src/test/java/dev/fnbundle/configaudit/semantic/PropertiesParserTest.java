package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PropertiesParserTest {
    private final PropertiesParser parser = new PropertiesParser();

    @Test
    void escapes_separators_comments_and_continuations_follow_java_util_properties() {
        // given
        String text = "# comment\n! also comment\nspring.datasource.url = jdbc:h2:mem\nkey\\ with\\ spaces:v\n"
                + "tab\\tkey value with spaces  \nmulti = one, \\\n    two\nunicode=\\u00e9t\\u00e9\nbare\n";
        // when
        Map<String, String> keys = IniParserTest.values(parser.parse(text));
        // then
        assertThat(keys).containsEntry("spring.datasource.url", "jdbc:h2:mem").containsEntry("key with spaces", "v")
                .containsEntry("tab\tkey", "value with spaces  ").containsEntry("multi", "one, two")
                .containsEntry("unicode", "\u00e9t\u00e9").containsEntry("bare", "").hasSize(6);
        assertThat(parser.parse(text).get("spring.datasource.url").name()).isEqualTo("url");
    }

    @Test
    void equals_java_util_properties_on_seeded_random_documents() throws Exception {
        // given
        Random random = new Random(42);
        String[] pieces = {"a", "b.c", " ", "=", ":", "\\", "\\\\", "\\n", "\n", "\r\n", "#", "!", "\t", "x y",
            "\\u0041", "\\\n   ", "é"};
        for (int doc = 0; doc < 400; doc++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            Properties expected = new Properties();
            expected.load(new StringReader(text));
            Map<String, String> expectedMap = new TreeMap<>();
            expected.stringPropertyNames().forEach(k -> expectedMap.put(k, expected.getProperty(k)));
            // when
            Map<String, String> ours = IniParserTest.values(parser.parse(text));
            // then
            assertThat(ours).as("document %s", text).isEqualTo(expectedMap);
        }
    }

    @Test
    void malformed_unicode_escape_is_reported_at_its_position() {
        assertThatThrownBy(() -> parser.parse("a = 1\nb = x\\\\u0041 \\uZZ12\n"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.format()).isEqualTo(ConfigFormat.PROPERTIES);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(14);
                });
    }
}
