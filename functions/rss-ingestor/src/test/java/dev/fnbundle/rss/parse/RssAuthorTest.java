package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RssAuthorTest {
    /** The pattern the scanner replaces: quadratic in the text. */
    private static final Pattern ORIGINAL = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    private static String byRegex(String author) {
        Matcher m = ORIGINAL.matcher(author);
        return m.matches() ? m.group(1).strip() : author;
    }

    @Test
    void the_name_in_parentheses_after_an_address_is_the_display_name() {
        assertThat(RssAuthor.displayName("jo@example.com (Jo Bloggs)")).isEqualTo("Jo Bloggs");
        assertThat(RssAuthor.displayName("jo@example.com(Jo)")).isEqualTo("Jo");
        assertThat(RssAuthor.displayName("jo@example.com ( Jo (the editor) )")).isEqualTo("Jo (the editor)");
        assertThat(RssAuthor.displayName("Jo Bloggs")).isEqualTo("Jo Bloggs");
        assertThat(RssAuthor.displayName("jo@example.com")).isEqualTo("jo@example.com");
        assertThat(RssAuthor.displayName("@x (Jo)")).isEqualTo("@x (Jo)");
        assertThat(RssAuthor.displayName(null)).isNull();
    }

    @Test
    void it_answers_exactly_as_the_regex_it_replaces_on_every_short_text() {
        String alphabet = "a@( )\t\n\u2028x.";
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                text.append(')');
            }
            String author = text.toString();
            assertThat(RssAuthor.displayName(author)).as("[%s]", author).isEqualTo(byRegex(author));
        }
    }
}
