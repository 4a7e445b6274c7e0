package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Fuzz target: entry HTML. {@link HtmlText#toText} never throws and keeps to its code point cap;
 * {@link HtmlSanitizer#sanitize} never throws and leaves no script, event handler or {@code javascript:} URL.
 * The first byte is the cap (0-255 code points).
 */
class HtmlTextFuzzTest {
    private static final URI BASE = URI.create("https://feeds.example.com/blog/");

    @FuzzTest
    void html_becomes_capped_text_and_safe_markup(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int cap = Math.max(1, Byte.toUnsignedInt(data[0]));
        String html = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        String text = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> HtmlText.toText(html, cap));
        if (text != null) {
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(cap);
        }
        String safe = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> HtmlSanitizer.sanitize(html, BASE));
        if (safe == null) {
            return;
        }
        // Read back as a browser would: no script-capable element, no handler, no script URL.
        for (Element element : Jsoup.parseBodyFragment(safe).body().getAllElements()) {
            assertThat(element.normalName()).isNotIn("script", "style", "iframe", "object", "embed", "svg", "math",
                    "form", "base", "meta", "link");
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(value).doesNotStartWith("javascript:").doesNotStartWith("data:")
                        .doesNotStartWith("vbscript:");
            }
        }
    }
}
