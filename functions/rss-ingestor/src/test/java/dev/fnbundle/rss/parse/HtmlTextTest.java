package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<p>Hello <b>world</b></p>                        | Hello world",
        "<p>one</p><p>two</p>                             | one two",
        "line<br>break                                    | line break",
        "a<!-- hidden -->b                                | ab",
        "x<script>var a = \"<p>\";</script>y            | xy",
        "x<STYLE>p {}</STYLE>y                            | xy",
        "Tom &amp; Jerry &nbsp; &eacute;&#233;&#xE9; &copy2024 | Tom & Jerry ééé ©2024",
        "1 < 2 and 3 > 2                                  | 1 < 2 and 3 > 2",
        "<a href=\"x>y\" title=\"a>b\">link</a>           | link",
        "zero\u200bwidth soft\u00adhyphen                 | zerowidth softhyphen",
        "unterminated <b                                  | unterminated",
        "big &#xD1118001; &#xFFFFFFFF; &#99999999; ref    | big \uFFFD \uFFFD \uFFFD ref"
    })
    void html_becomes_collapsed_text(String html, String expected) {
        assertThat(HtmlText.toText(html, 1000)).isEqualTo(expected);
    }

    @Test
    void every_kind_of_whitespace_collapses_to_one_space() {
        assertThat(HtmlText.toText("  lots \t of \n\n whitespace  \u00a0 here\r\n", 1000))
                .isEqualTo("lots of whitespace here");
    }

    @Test
    void the_cap_keeps_the_first_200_code_points_without_an_ellipsis_like_the_seed() {
        String html = "<p>" + "word ".repeat(100) + "</p>";

        String text = HtmlText.toText(html, 200);

        assertThat(text).hasSize(199).isEqualTo(("word ".repeat(40)).strip());
    }

    @Test
    void the_cap_never_splits_a_surrogate_pair() {
        String text = HtmlText.toText("ab😀😀😀", 3);

        assertThat(text).isEqualTo("ab😀");
        assertThat(text.codePointCount(0, text.length())).isEqualTo(3);
    }

    @Test
    void empty_and_markup_only_input_is_absent() {
        assertThat(HtmlText.toText("<p> </p><br>", 200)).isNull();
        assertThat(HtmlText.toText(null, 200)).isNull();
        assertThat(HtmlText.collapse("   ", 200)).isNull();
    }

    @Test
    void plain_text_that_is_already_collapsed_is_returned_as_is() {
        String text = "Already clean text.";

        assertThat(HtmlText.collapse(text, 200)).isSameAs(text);
        assertThat(HtmlText.collapse(" a  b ", 200)).isEqualTo("a b");
    }

    @Test
    void agrees_with_jsoup_text_on_random_well_formed_fragments() {
        Random random = new Random(20240105);
        List<String> inline = List.of("b", "i", "em", "strong", "a", "span", "code");
        List<String> block = List.of("p", "div", "li", "h2", "blockquote", "section");
        List<String> words = List.of("alpha", "beta", "gamma &amp; delta", "caf&eacute;", "x&lt;y", "&nbsp;",
                "  spaced  ", "tab\there", "&#8212;", "new\nline");
        for (int round = 0; round < 500; round++) {
            StringBuilder html = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                String tag = random.nextBoolean() ? inline.get(random.nextInt(inline.size()))
                        : block.get(random.nextInt(block.size()));
                html.append('<').append(tag).append(random.nextBoolean() ? " class=\"c\">" : ">")
                        .append(words.get(random.nextInt(words.size())));
                if (random.nextInt(4) == 0) {
                    html.append("<br>").append(words.get(random.nextInt(words.size())));
                }
                if (random.nextInt(5) == 0) {
                    html.append("<!-- c -->");
                }
                html.append("</").append(tag).append('>').append(random.nextBoolean() ? " " : "");
            }
            String expected = Jsoup.parseBodyFragment(html.toString()).text().replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ").strip();

            assertThat(HtmlText.toText(html.toString(), 100_000)).as(html.toString())
                    .isEqualTo(expected.isEmpty() ? null : expected);
        }
    }
}
