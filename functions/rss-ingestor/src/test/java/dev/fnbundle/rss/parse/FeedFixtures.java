package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.FeedPreview;
import dev.fnbundle.rss.model.ParseWarning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the hand-written feed corpus under {@code src/test/resources/feeds/} and parses it. */
final class FeedFixtures {
    static final URI FEED_URL = URI.create("https://feeds.example.com/path/feed.xml");

    private FeedFixtures() {
    }

    static InputStream open(String name) {
        InputStream in = FeedFixtures.class.getResourceAsStream("/feeds/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    static FeedPreview preview(String name) {
        return preview(name, null, FEED_URL);
    }

    static FeedPreview preview(String name, Charset hint, URI base) {
        try (InputStream in = open(name)) {
            return new FeedParser().preview(in, hint, base, 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FeedPreview previewText(String xml) {
        return new FeedParser().preview(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null,
                FEED_URL, 100);
    }

    static List<String> codes(List<ParseWarning> warnings) {
        return warnings.stream().map(ParseWarning::code).toList();
    }
}
