package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {
    private static final URI BASE = URI.create("https://site.example.com/posts/1/");

    @Test
    void scripts_styles_and_event_handlers_are_removed() {
        String html = "<p onclick=\"x()\" style=\"color:red\">Hi<script>alert(1)</script><style>p{}</style></p>"
                + "<iframe src=\"https://evil.example\"></iframe><form><input></form>";

        assertThat(HtmlSanitizer.sanitize(html, BASE)).isEqualTo("<p>Hi</p>");
    }

    @Test
    void javascript_and_data_urls_are_removed_but_the_text_stays() {
        String html = "<a href=\"javascript:alert(1)\">a</a> <a href=\"JaVaScRiPt:alert(1)\">b</a> "
                + "<img src=\"data:image/png;base64,AAAA\" alt=\"c\">";

        assertThat(HtmlSanitizer.sanitize(html, BASE)).isEqualTo("<a>a</a> <a>b</a> <img alt=\"c\">");
    }

    @Test
    void relative_urls_become_absolute_against_the_base() {
        String html = "<a href=\"../2/\">next</a><img src=\"/i.png\">";

        assertThat(HtmlSanitizer.sanitize(html, BASE))
                .isEqualTo("<a href=\"https://site.example.com/posts/2/\">next</a>"
                        + "<img src=\"https://site.example.com/i.png\">");
    }

    @Test
    void relative_urls_without_a_base_are_dropped() {
        assertThat(HtmlSanitizer.sanitize("<a href=\"/x\">x</a>", null)).isEqualTo("<a>x</a>");
    }

    @Test
    void formatting_lists_tables_and_images_survive() {
        String html = "<h2>T</h2><ul><li><em>e</em></li></ul><table><tr><td>1</td></tr></table>"
                + "<blockquote>q</blockquote><pre>code</pre>";

        assertThat(HtmlSanitizer.sanitize(html, BASE)).isEqualTo(
                "<h2>T</h2><ul><li><em>e</em></li></ul><table><tbody><tr><td>1</td></tr></tbody></table>"
                        + "<blockquote>q</blockquote><pre>code</pre>");
    }

    @Test
    void nothing_left_is_absent() {
        assertThat(HtmlSanitizer.sanitize("<script>x</script>", BASE)).isNull();
        assertThat(HtmlSanitizer.sanitize("   ", BASE)).isNull();
    }
}
