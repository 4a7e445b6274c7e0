package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.rss.model.Enclosure;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.model.FeedFormat;
import dev.fnbundle.rss.model.FeedPreview;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedFormatsTest {

    @Test
    void rss2_channel_fields_are_read_and_nested_image_title_does_not_override_them() {
        FeedPreview preview = FeedFixtures.preview("rss2-full.xml");

        assertThat(preview.feed().format()).isEqualTo(FeedFormat.RSS_2_0);
        assertThat(preview.feed().title()).isEqualTo("Example Engineering Blog");
        assertThat(preview.feed().link()).isEqualTo("https://blog.example.com/");
        assertThat(preview.feed().subtitle()).isEqualTo("Notes from the platform team");
        assertThat(preview.feed().language()).isEqualTo("en-us");
        assertThat(preview.feed().updated()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
        assertThat(preview.warnings()).isEmpty();
    }

    @Test
    void rss2_item_maps_core_fields_and_extensions() {
        Entry first = FeedFixtures.preview("rss2-full.xml").entries().get(0);

        assertThat(first.id()).isEqualTo("post-1001");
        assertThat(first.title()).isEqualTo("Streaming parsers & you");
        assertThat(first.link()).isEqualTo("https://blog.example.com/posts/streaming");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-01-05T09:30:00Z"));
        assertThat(first.author()).as("dc:creator wins over author").isEqualTo("Ada Lovelace");
        assertThat(first.categories()).as("deduplicated, in order").containsExactly("xml", "parsing");
        assertThat(first.summary()).isEqualTo("Why StAX beats DOM for feeds. Second paragraph.");
        assertThat(first.enclosures()).as("enclosure and media:content deduplicated by URL").containsExactly(
                new Enclosure("https://cdn.example.com/ep1.mp3", "audio/mpeg", 12_345_678L),
                new Enclosure("https://cdn.example.com/ep1-hd.mp4", "video/mp4", 99L));
    }

    @Test
    void content_encoded_is_sanitized_and_made_absolute() {
        Entry first = FeedFixtures.preview("rss2-full.xml").entries().get(0);

        assertThat(first.content())
                .isEqualTo("<p>Full text with <a href=\"https://feeds.example.com/posts/dom\">a link</a>.</p>"
                        + "<img src=\"https://feeds.example.com/img/a.png\">")
                .doesNotContain("script", "onclick", "onerror");
    }

    @Test
    void a_permalink_guid_supplies_the_link_and_an_opaque_guid_does_not() {
        FeedPreview preview = FeedFixtures.preview("rss2-full.xml");

        Entry guidOnly = preview.entries().get(1);
        assertThat(guidOnly.id()).isEqualTo("https://blog.example.com/posts/guid-link");
        assertThat(guidOnly.link()).isEqualTo("https://blog.example.com/posts/guid-link");
        assertThat(guidOnly.published()).isEqualTo(Instant.parse("2024-01-04T17:00:00Z"));
        assertThat(guidOnly.content()).isNull();
    }

    @Test
    void missing_fields_are_absent_never_null_strings() {
        Entry undated = FeedFixtures.preview("rss2-full.xml").entries().get(2);

        assertThat(undated.id()).isNull();
        assertThat(undated.published()).isNull();
        assertThat(undated.summary()).isNull();
        assertThat(undated.author()).isNull();
        assertThat(undated.categories()).isEmpty();
        assertThat(undated.enclosures()).isEmpty();
        assertThat(undated.toString()).doesNotContain("\"null\"");
    }

    @Test
    void a_single_item_is_a_list_of_one_like_force_list() {
        FeedPreview preview = FeedFixtures.preview("single-item.xml");

        assertThat(preview.entries()).hasSize(1);
        assertThat(preview.entries().get(0).title()).isEqualTo("The only item");
    }

    @Test
    void an_empty_channel_has_no_entries_and_blank_fields_are_absent() {
        FeedPreview preview = FeedFixtures.preview("empty-channel.xml");

        assertThat(preview.entries()).isEmpty();
        assertThat(preview.feed().title()).isEqualTo("Nothing yet");
        assertThat(preview.feed().subtitle()).isNull();
        assertThat(preview.feed().link()).isNull();
    }

    @Test
    void rss_091_with_its_netscape_doctype_is_read_with_a_warning() {
        FeedPreview preview = FeedFixtures.preview("rss091.xml");

        assertThat(preview.feed().format()).isEqualTo(FeedFormat.RSS_0_9X);
        assertThat(preview.entries()).extracting(Entry::title).containsExactly(
                "Giving the world a pluggable Gnutella", "Syndication discussions hot up");
        assertThat(preview.entries().get(0).summary()).contains("Gnutella -allowing");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("doctype_ignored", "html_entity");
    }

    @Test
    void rss_092_item_without_title_keeps_its_enclosure() {
        Entry entry = FeedFixtures.preview("rss092.xml").entries().get(0);

        assertThat(entry.title()).isNull();
        assertThat(entry.enclosures()).containsExactly(new Enclosure(
                "http://www.scripting.com/mp3s/weatherReportDicksPicsVol7.mp3", "audio/mpeg", 6_182_912L));
    }

    @Test
    void rss_1_0_rdf_items_are_siblings_of_the_channel_and_use_rdf_about_and_dublin_core() {
        FeedPreview preview = FeedFixtures.preview("rss10-rdf.xml");

        assertThat(preview.feed().format()).isEqualTo(FeedFormat.RSS_1_0);
        assertThat(preview.feed().language()).isEqualTo("en");
        assertThat(preview.feed().updated()).isEqualTo(Instant.parse("2024-01-05T10:00:00Z"));
        Entry first = preview.entries().get(0);
        assertThat(first.id()).isEqualTo("http://xml.com/pub/2000/08/09/xslt/xslt.html");
        assertThat(first.author()).isEqualTo("Bob DuCharme");
        assertThat(first.published()).isEqualTo(Instant.parse("2000-08-09T09:00:00Z"));
        assertThat(first.categories()).containsExactly("XSLT");
        Entry second = preview.entries().get(1);
        assertThat(second.link()).as("rdf:about stands in for a missing link")
                .isEqualTo("http://xml.com/pub/2000/08/09/rdfdb/index.html");
        assertThat(second.content()).isEqualTo("<p>Edd Dumbill takes a look at <em>RDFDB</em>.</p>");
    }

    @Test
    void rss_0_90_is_recognized_by_its_namespace() {
        FeedPreview preview = FeedFixtures.preview("rss090.xml");

        assertThat(preview.feed().format()).isEqualTo(FeedFormat.RSS_0_9X);
        assertThat(preview.entries()).extracting(Entry::link)
                .containsExactly("http://www.mozilla.org/status/", "http://www.mozilla.org/bugs/");
    }

    @Test
    void atom_feed_fields_come_from_text_constructs_xml_lang_and_the_alternate_link() {
        FeedPreview preview = FeedFixtures.preview("atom10.xml");

        assertThat(preview.feed().format()).isEqualTo(FeedFormat.ATOM_1_0);
        assertThat(preview.feed().title()).isEqualTo("Atom & Eve");
        assertThat(preview.feed().subtitle()).isEqualTo("A lot of effort went into making this effortless");
        assertThat(preview.feed().link()).isEqualTo("https://atom.example.org/blog/");
        assertThat(preview.feed().language()).isEqualTo("en-GB");
        assertThat(preview.feed().updated()).isEqualTo(Instant.parse("2024-01-05T12:29:29Z"));
    }

    @Test
    void atom_entry_prefers_the_html_alternate_and_ignores_its_source_element() {
        Entry entry = FeedFixtures.preview("atom10.xml").entries().get(0);

        assertThat(entry.id()).isEqualTo("tag:atom.example.org,2003:3.2397");
        assertThat(entry.title()).isEqualTo("Atom draft -07 snapshot");
        assertThat(entry.link()).isEqualTo("https://atom.example.org/blog/2003/12/13/atom03");
        assertThat(entry.published()).isEqualTo(Instant.parse("2003-12-13T12:29:29Z"));
        assertThat(entry.updated()).isEqualTo(Instant.parse("2024-01-05T11:29:29.500Z"));
        assertThat(entry.author()).isEqualTo("Mark Pilgrim");
        assertThat(entry.categories()).containsExactly("standards", "Label only");
        assertThat(entry.summary()).as("type=text keeps markup-looking text literally")
                .isEqualTo("Short <b>plain</b> summary");
        assertThat(entry.enclosures()).containsExactly(
                new Enclosure("http://example.org/audio/ph34r_my_podcast.mp3", "audio/mpeg", 1337L));
    }

    @Test
    void atom_xhtml_content_is_reserialized_sanitized_and_resolved_against_its_own_xml_base() {
        Entry entry = FeedFixtures.preview("atom10.xml").entries().get(0);

        assertThat(entry.content())
                .contains("<a href=\"https://content.example.org/x/notes.html\">notes</a>")
                .contains("&amp; <a>this</a>")
                .doesNotContain("javascript", "style=", "<script", "steal");
    }

    @Test
    void atom_text_content_is_escaped_and_out_of_line_content_supplies_only_a_link() {
        FeedPreview preview = FeedFixtures.preview("atom10.xml");

        Entry text = preview.entries().get(1);
        assertThat(text.content()).isEqualTo("Use &lt;script&gt; wisely &amp; tell nobody.");
        assertThat(text.summary()).as("summary falls back to the content").isEqualTo(
                "Use <script> wisely & tell nobody.");
        assertThat(text.author()).as("email when no name").isEqualTo("anon@example.org");
        Entry outOfLine = preview.entries().get(2);
        assertThat(outOfLine.content()).isNull();
        assertThat(outOfLine.link()).isEqualTo("https://atom.example.org/media/video.mp4");
        assertThat(outOfLine.updated()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
    }

    @Test
    void atom_0_3_maps_issued_modified_tagline_and_escaped_mode() {
        FeedPreview preview = FeedFixtures.preview("atom03.xml");

        assertThat(preview.feed().format()).isEqualTo(FeedFormat.ATOM_0_3);
        assertThat(preview.feed().subtitle()).isEqualTo("A lot of effort went into making this effortless");
        Entry entry = preview.entries().get(0);
        assertThat(entry.published()).isEqualTo(Instant.parse("2003-12-13T12:29:29Z"));
        assertThat(entry.updated()).isEqualTo(Instant.parse("2003-12-13T18:30:02Z"));
        assertThat(entry.content()).isEqualTo("<p>Hello</p>");
    }
}
