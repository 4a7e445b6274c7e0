package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.rss.model.FeedPreview;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedEncodingTest {

    @Test
    void iso_8859_1_is_decoded_from_the_declaration() {
        FeedPreview preview = FeedFixtures.preview("iso-8859-1.xml");

        assertThat(preview.feed().title()).isEqualTo("Café Müller");
        assertThat(preview.entries().get(0).title()).isEqualTo("Smørrebrød à la carte");
    }

    @Test
    void windows_1252_smart_quotes_and_euro_are_decoded() {
        assertThat(FeedFixtures.preview("windows-1252.xml").feed().title()).isEqualTo("“Smart” quotes – €5");
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped() {
        FeedPreview preview = FeedFixtures.preview("utf8-bom.xml");

        assertThat(preview.feed().title()).isEqualTo("BOM first: ✓");
        assertThat(preview.warnings()).isEmpty();
    }

    @Test
    void utf16_with_a_byte_order_mark_is_decoded() {
        assertThat(FeedFixtures.preview("utf16le-bom.xml").feed().title()).isEqualTo("UTF-16 Ω");
    }

    @Test
    void utf16_without_a_byte_order_mark_is_detected_from_the_first_bytes() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><title>Ω16</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_16BE);

        assertThat(new FeedParser().preview(new ByteArrayInputStream(bytes), null, null, 1).feed().title())
                .isEqualTo("Ω16");
    }

    @Test
    void the_http_charset_is_used_when_the_document_declares_none() {
        FeedPreview preview = FeedFixtures.preview("no-declaration-latin1.xml", StandardCharsets.ISO_8859_1, null);

        assertThat(preview.feed().title()).isEqualTo("No declaration: émega");
        assertThat(preview.warnings()).isEmpty();
    }

    @Test
    void the_declaration_wins_over_a_disagreeing_http_charset_with_a_warning() {
        FeedPreview preview = FeedFixtures.preview("iso-8859-1.xml", StandardCharsets.UTF_8, null);

        assertThat(preview.feed().title()).isEqualTo("Café Müller");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("charset_mismatch");
    }

    @Test
    void a_single_byte_document_claiming_utf16_is_read_as_utf8() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><title>é</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);

        FeedPreview preview = new FeedParser().preview(new ByteArrayInputStream(bytes), null, null, 1);

        assertThat(preview.feed().title()).isEqualTo("é");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("charset_mismatch");
    }

    @Test
    void an_encoding_failure_names_the_charset_and_the_line() {
        byte[] bytes = "<rss><channel>\n<title>ok</title>\n<item><title>caf\u00e9</title></item></channel></rss>"
                .getBytes(Charset.forName("ISO-8859-1"));

        assertThatThrownBy(() -> new FeedParser().preview(new ByteArrayInputStream(bytes), null, null, 1))
                .isInstanceOfSatisfying(FeedParseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FeedParseReason.ENCODING);
                    assertThat(e.getMessage()).contains("UTF-8");
                });
    }
}
