package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.FeedPreview;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fuzz target: RSS/Atom/RDF parsing from raw bytes, with charset detection (BOM, XML declaration, HTTP hint),
 * dates and HTML content. {@link FeedParser#preview} returns a feed or throws {@link FeedParseException}; what it
 * returns keeps the model's promises (links absolute http(s), summaries capped, content sanitized). The first
 * byte picks the HTTP charset hint.
 */
class FeedParserFuzzTest {
    private static final FeedParser PARSER = new FeedParser();
    private static final Charset[] HINTS = {null, StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
        StandardCharsets.UTF_16, Charset.forName("windows-1252")};
    private static final URI BASE = URI.create("https://feeds.example.com/blog/feed.xml");

    @FuzzTest
    void a_document_is_a_feed_or_a_parse_error(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Charset hint = HINTS[Byte.toUnsignedInt(data[0]) % HINTS.length];
        ByteArrayInputStream in = new ByteArrayInputStream(data, 1, data.length - 1);
        FeedPreview preview;
        try {
            preview = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> PARSER.preview(in, hint, BASE, 20));
        } catch (FeedParseException expected) {
            return;
        }
        assertThat(preview.entries()).hasSizeLessThanOrEqualTo(20);
        for (Entry entry : preview.entries()) {
            if (entry.link() != null) {
                assertThat(entry.link()).matches("(?i)https?:.*");
            }
            if (entry.summary() != null) {
                assertThat(entry.summary().codePointCount(0, entry.summary().length()))
                        .isLessThanOrEqualTo(Entry.SUMMARY_MAX_CHARS);
            }
            if (entry.content() != null) {
                assertThat(entry.content().toLowerCase(Locale.ROOT)).doesNotContain("<script");
            }
        }
    }
}
