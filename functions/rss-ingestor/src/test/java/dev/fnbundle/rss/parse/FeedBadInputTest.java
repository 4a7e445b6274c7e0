package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.FeedPreview;
import dev.fnbundle.rss.model.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedBadInputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "html-page.html, HTML_PAGE",
        "xhtml-page.xml, HTML_PAGE",
        "truncated.xml, TRUNCATED",
        "malformed.xml, NOT_XML",
        "not-xml.json, NOT_XML",
        "not-a-feed.xml, NOT_A_FEED",
        "wrong-encoding.xml, ENCODING",
        "unknown-encoding.xml, ENCODING",
        "no-declaration-latin1.xml, ENCODING"
    })
    void unreadable_documents_fail_with_a_reason(String fixture, FeedParseReason reason) {
        assertThatThrownBy(() -> FeedFixtures.preview(fixture))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).startsWith(reason.id() + ": ");
                });
    }

    @Test
    void a_truncated_document_says_where_it_stops() {
        assertThatThrownBy(() -> FeedFixtures.preview("truncated.xml"))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.getMessage()).contains("ends before its root element is closed", "line 6");
                });
    }

    @Test
    void a_malformed_document_reports_the_parser_reason_with_line_and_column() {
        assertThatThrownBy(() -> FeedFixtures.preview("malformed.xml"))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).contains("not well-formed XML", "expected </title>");
                });
    }

    @Test
    void an_element_in_the_reserved_xmlns_prefix_is_not_well_formed_xml() {
        // Aalto throws a bare RuntimeException for it; found by FeedParserFuzzTest (crash-15b131ae...)
        assertThatThrownBy(() -> FeedFixtures.previewText(
                "<xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></xmlns:rdf>"))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FeedParseReason.NOT_XML);
                    assertThat(e.getMessage()).contains("not well-formed XML", "xmlns");
                });
    }

    @Test
    void a_non_feed_root_is_named() {
        assertThatThrownBy(() -> FeedFixtures.preview("not-a-feed.xml"))
                .hasMessageContaining("root element <catalog> is not rss, rdf:RDF or an Atom feed");
    }

    @Test
    void empty_and_whitespace_documents_are_not_xml() {
        for (String text : List.of("", "   \n\t ")) {
            assertThatThrownBy(() -> FeedFixtures.previewText(text))
                    .isInstanceOfSatisfying(FeedParseException.class,
                            e -> assertThat(e.reason()).isEqualTo(FeedParseReason.NOT_XML));
        }
    }

    @Test
    void whitespace_before_the_declaration_and_junk_after_the_root_are_tolerated() {
        FeedPreview preview = FeedFixtures.preview("junk-after-root.xml");

        assertThat(preview.entries()).extracting(Entry::title).containsExactly("Kept");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("leading_whitespace");
    }

    @Test
    void html_entities_bare_ampersands_and_invalid_characters_are_repaired_with_warnings() {
        FeedPreview preview = FeedFixtures.preview("entities-cdata.xml");

        Entry entry = preview.entries().get(0);
        assertThat(preview.feed().title()).isEqualTo("Entities & CDATA");
        assertThat(entry.title()).isEqualTo("Café — “quoted” … AT&T été 😀");
        assertThat(entry.link()).isEqualTo("https://ent.example.com/a?x=1&y=2");
        assertThat(entry.summary()).isEqualTo("Tom & Jerry and bold stays literal in CDATA");
        assertThat(entry.categories()).containsExactly("&foo; unknown");
        assertThat(FeedFixtures.codes(preview.warnings())).containsOnly("html_entity", "bare_ampersand",
                "invalid_character");
        assertThat(preview.warnings()).anySatisfy(w -> assertThat(w.message()).contains("&mdash;"));
    }

    @Test
    void control_characters_and_a_bare_less_than_are_repaired() {
        FeedPreview preview = FeedFixtures.previewText(
                "<rss><channel><title>a\u0001b < c\u000Bd</title></channel></rss>");

        assertThat(preview.feed().title()).isEqualTo("ab < cd");
        assertThat(FeedFixtures.codes(preview.warnings())).containsOnly("invalid_character", "bare_less_than");
    }

    @Test
    void the_preview_stops_at_its_cap_and_says_so() {
        StringBuilder xml = new StringBuilder("<rss><channel>");
        for (int i = 0; i < 30; i++) {
            xml.append("<item><guid>g").append(i).append("</guid></item>");
        }
        String doc = xml.append("</channel></rss>").toString();

        FeedPreview preview = new FeedParser().preview(stream(doc), null, null, 5);

        assertThat(preview.entries()).extracting(Entry::id).containsExactly("g0", "g1", "g2", "g3", "g4");
        assertThat(preview.truncated()).isTrue();
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("entries_capped");
        assertThat(new FeedParser().preview(stream(doc), null, null, 30).truncated()).isFalse();
    }

    @Test
    void streaming_hands_every_entry_to_the_consumer_in_order() {
        List<String> seen = new ArrayList<>();

        ParsedFeed parsed = new FeedParser().parse(FeedFixtures.open("rss2-full.xml"), null, null,
                entry -> seen.add(entry.title()));

        assertThat(parsed.entryCount()).isEqualTo(3);
        assertThat(seen).containsExactly("Streaming parsers & you", "Permalink guid only", "No date, no id");
        assertThat(parsed.feed().title()).isEqualTo("Example Engineering Blog");
    }

    @Test
    void a_runtime_exception_from_the_input_stream_propagates_unchanged() {
        IllegalStateException fromFetcher = new IllegalStateException("body cap reached");
        InputStream failing = new SequenceInputStream(stream("<rss><channel><title>x</title>"), new InputStream() {
            @Override
            public int read() {
                throw fromFetcher;
            }
        });

        assertThatThrownBy(() -> new FeedParser().parse(failing, null, null, entry -> { })).isSameAs(fromFetcher);
    }

    @Test
    void an_io_failure_of_the_input_surfaces_as_unchecked_io() {
        InputStream failing = new SequenceInputStream(stream("<rss><channel><title>x</title>"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> new FeedParser().parse(failing, null, null, entry -> { }))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void a_consumer_exception_ends_the_parse() {
        IllegalArgumentException stop = new IllegalArgumentException("stop");

        assertThatThrownBy(() -> new FeedParser().parse(FeedFixtures.open("rss2-full.xml"), null, null, entry -> {
            throw stop;
        })).isSameAs(stop);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
