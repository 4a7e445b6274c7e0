package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.LocalHttpServer;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.FeedPreview;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedSecurityTest {
    private static final FeedLimits SMALL = new FeedLimits(16, 1000, 2000, 10, 5, 20);

    private LocalHttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startTrap() {
        server = new LocalHttpServer("xxe-trap").fallback(exchange -> {
            requests.incrementAndGet();
            LocalHttpServer.send(exchange, 200, null, "<!ENTITY secret \"LEAKED\">");
        });
    }

    @AfterEach
    void stopTrap() {
        server.close();
    }

    private String trapUrl(String path) {
        return server.url(path).toString();
    }

    @Test
    void an_external_file_entity_is_never_read() {
        FeedPreview preview = FeedFixtures.preview("xxe-file.xml");

        assertThat(preview.feed().title()).isEqualTo("XXE &xxe; end").doesNotContain("root:");
        assertThat(preview.entries().get(0).title()).isEqualTo("&xxe;");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("doctype_ignored", "bare_ampersand");
    }

    @Test
    void an_external_http_entity_is_never_fetched() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + trapUrl("/xxe") + "\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";

        FeedPreview preview = FeedFixtures.previewText(xml);

        assertThat(preview.feed().title()).isEqualTo("&xxe;");
        assertThat(requests).hasValue(0);
    }

    @Test
    void an_external_dtd_and_parameter_entities_are_never_fetched() {
        String xml = "<!DOCTYPE rss SYSTEM \"" + trapUrl("/dtd") + "\" [<!ENTITY % p SYSTEM \"" + trapUrl("/pe")
                + "\"> %p;]><rss version=\"2.0\"><channel><title>&secret;</title></channel></rss>";

        FeedPreview preview = FeedFixtures.previewText(xml);

        assertThat(preview.feed().title()).isEqualTo("&secret;");
        assertThat(requests).hasValue(0);
    }

    @Test
    void a_parameter_entity_doctype_with_tricky_comments_is_skipped_whole() {
        FeedPreview preview = FeedFixtures.preview("xxe-parameter.xml");

        assertThat(preview.feed().title()).isEqualTo("Parameter entities");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("doctype_ignored");
    }

    @Test
    void billion_laughs_is_read_without_expansion() {
        FeedPreview preview = FeedFixtures.preview("billion-laughs.xml");

        assertThat(preview.feed().title()).isEqualTo("&lol9;");
        assertThat(preview.entries()).extracting(Entry::title).containsExactly("&lol9;");
        assertThat(FeedFixtures.codes(preview.warnings())).contains("doctype_ignored");
    }

    @Test
    void an_external_dtd_is_ignored_and_html_entities_still_decode() {
        FeedPreview preview = FeedFixtures.preview("external-dtd.xml");

        assertThat(preview.feed().title()).isEqualTo("External DTD");
        assertThat(preview.entries().get(0).title()).isEqualTo("Uses \u00a9 2024");
    }

    @Test
    void nesting_deeper_than_the_cap_fails_with_limit_exceeded() {
        String xml = "<rss><channel><item>" + "<x>".repeat(40) + "</x>".repeat(40) + "</item></channel></rss>";

        assertThatThrownBy(() -> parse(xml, SMALL))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FeedParseReason.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains("deeper than 16");
                });
    }

    @Test
    void a_tag_longer_than_the_cap_fails_before_the_parser_buffers_it() {
        String xml = "<rss><channel><item a=\"" + "x".repeat(5000) + "\"/></channel></rss>";

        assertThatThrownBy(() -> parse(xml, SMALL))
                .isInstanceOfSatisfying(FeedParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedParseReason.LIMIT_EXCEEDED));
    }

    @Test
    void too_many_attributes_fail_with_limit_exceeded() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            attributes.append(" a").append(i).append("=\"1\"");
        }
        String xml = "<rss><channel><item" + attributes + "/></channel></rss>";

        assertThatThrownBy(() -> parse(xml, FeedLimits.defaults()))
                .isInstanceOfSatisfying(FeedParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(FeedParseReason.LIMIT_EXCEEDED));
    }

    @Test
    void a_text_node_longer_than_the_cap_is_cut_with_a_warning() {
        String xml = "<rss><channel><item><title>" + "y".repeat(50_000) + "</title><guid>g</guid></item>"
                + "</channel></rss>";

        FeedPreview preview = parse(xml, SMALL);

        assertThat(preview.entries().get(0).title()).hasSize(1000);
        assertThat(preview.entries().get(0).id()).isEqualTo("g");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("text_truncated");
    }

    @Test
    void per_entry_lists_are_capped() {
        StringBuilder categories = new StringBuilder();
        for (char c = 'c'; c <= 'h'; c++) {
            categories.append("<category>").append(c).append("</category>");
        }
        String xml = "<rss><channel><item>" + categories + "</item></channel></rss>";

        FeedPreview preview = parse(xml, SMALL);

        assertThat(preview.entries().get(0).categories()).containsExactly("c", "d", "e", "f", "g");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("list_truncated");
    }

    private static FeedPreview parse(String xml, FeedLimits limits) {
        return new FeedParser(limits).preview(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null,
                FeedFixtures.FEED_URL, 10);
    }
}
