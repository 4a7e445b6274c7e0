package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.rss.model.FeedPreview;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every pattern that reads a feed (the author's "address (Name)", dates, the XML declaration's encoding) takes
 * time linear in its input: a feed field of 1 MB, built to make a backtracking regex explode, is read in well
 * under a second of CPU time.
 */
class WorstCaseInputTest {
    private static final int MB = 1 << 20;
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private static FeedPreview preview(String xml) {
        return new FeedParser().preview(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null,
                FeedFixtures.FEED_URL, 10);
    }

    private static String rssWithAuthor(String author) {
        return "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title><author>" + author
                + "</author></item></channel></rss>";
    }

    @Test
    void a_megabyte_author_full_of_at_signs_is_read_in_linear_time() {
        String author = "a@".repeat(MB / 2 - 8) + "a (b";
        CpuBudget.assertWithin(BUDGET, () -> assertThat(preview(rssWithAuthor(author)).entries().get(0).author())
                .isEqualTo(author));
        CpuBudget.assertWithin(BUDGET, () -> assertThat(RssAuthor.displayName("@a".repeat(MB / 2) + " (" + "(".repeat(
                MB / 2) + ")")).endsWith("("));
    }

    @Test
    void a_megabyte_date_is_unparseable_at_once() {
        CpuBudget.assertWithin(BUDGET, () -> assertThat(FeedDateParser.parse("1 ".repeat(MB / 2))).isNull());
        CpuBudget.assertWithin(BUDGET, () -> assertThat(FeedDateParser.parse("Tue, " + " ".repeat(MB) + "x"))
                .isNull());
    }

    @Test
    void a_megabyte_xml_declaration_is_sniffed_in_linear_time() {
        String declaration = "<?xml version=\"1.0\"" + " encoding".repeat(MB / 9) + "?>";
        CpuBudget.assertWithin(BUDGET, () -> {
            try {
                preview(declaration + rssWithAuthor("x"));
            } catch (FeedParseException expected) {
                // a declaration that long is no XML declaration; what matters is the time it took to say so
            }
        });
    }
}
