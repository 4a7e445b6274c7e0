package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkResolverTest {
    private static final URI BASE = URI.create("https://example.com/blog/post?x=1#top");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://other.org/a,   https://other.org/a",
        "HTTP://Other.org/a,    HTTP://Other.org/a",
        "next.html,             https://example.com/blog/next.html",
        "../up.html,            https://example.com/up.html",
        "/root.html,            https://example.com/root.html",
        "//cdn.example.net/i,   https://cdn.example.net/i",
        "?page=2,               https://example.com/blog/post?page=2",
        "#frag,                 https://example.com/blog/post?x=1#frag",
        "'  a b/ü  ',           https://example.com/blog/a%20b/%C3%BC"
    })
    void references_resolve_by_rfc_3986(String raw, String expected) {
        assertThat(LinkResolver.resolve(BASE, raw).url()).isEqualTo(expected);
    }

    @Test
    void the_fast_path_accepts_only_what_the_full_parse_returns_unchanged() {
        Random random = new Random(7);
        String alphabet = "aZ09-._~!$&'()*+,;=:@/?#%[]\"<>\\^`{|} \u00e9fF";
        List<String> prefixes = List.of("http://", "https://", "HTTP://", "http://ex.com", "https://a-b.c.d:8080",
                "http://[::1]", "http://user@h", "https:///", "ftp://x");
        int fast = 0;
        for (int round = 0; round < 50_000; round++) {
            StringBuilder link = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
            for (int i = random.nextInt(12); i > 0; i--) {
                link.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = link.toString();
            if (LinkResolver.isPlainAbsoluteHttp(candidate)) {
                fast++;
                assertThat(LinkResolver.parseAndResolve(BASE, candidate)).as(candidate)
                        .isEqualTo(new LinkResolver.Result(candidate, null));
            }
        }
        assertThat(fast).as("cases that took the fast path").isGreaterThan(500);
    }

    @Test
    void a_base_without_a_path_behaves_as_root() {
        assertThat(LinkResolver.resolve(URI.create("https://example.com"), "a").url())
                .isEqualTo("https://example.com/a");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "javascript:alert(1), SCHEME",
        "'data:text/html;base64,PHNjcmlwdD4=', SCHEME",
        "file:///etc/passwd, SCHEME",
        "mailto:someone@example.com, SCHEME",
        "http://[::1/, MALFORMED"
    })
    void unsafe_or_malformed_links_are_refused(String raw, LinkResolver.Failure failure) {
        LinkResolver.Result result = LinkResolver.resolve(BASE, raw);

        assertThat(result.url()).isNull();
        assertThat(result.failure()).isEqualTo(failure);
    }

    @Test
    void a_relative_link_without_any_base_is_refused() {
        assertThat(LinkResolver.resolve(null, "posts/1").failure())
                .isEqualTo(LinkResolver.Failure.RELATIVE_WITHOUT_BASE);
    }

    @Test
    void blank_links_are_simply_absent() {
        assertThat(LinkResolver.resolve(BASE, "  ")).isEqualTo(new LinkResolver.Result(null, null));
    }

    @Test
    void xml_base_values_stack() {
        URI channel = LinkResolver.resolveBase(URI.create("https://feed.example.com/f.xml"), "/blog/");
        URI item = LinkResolver.resolveBase(channel, "2024/");

        assertThat(item).isEqualTo(URI.create("https://feed.example.com/blog/2024/"));
        assertThat(LinkResolver.resolve(item, "post.html").url())
                .isEqualTo("https://feed.example.com/blog/2024/post.html");
    }

    @Test
    void relative_links_in_a_feed_resolve_against_xml_base_and_the_feed_url() {
        var preview = FeedFixtures.preview("relative-links.xml");

        assertThat(preview.feed().link()).isEqualTo("https://rel.example.com/blog/");
        assertThat(preview.entries().get(0).link()).isEqualTo("https://rel.example.com/blog/posts/1.html");
        assertThat(preview.entries().get(0).enclosures().get(0).url()).isEqualTo("https://rel.example.com/media/1.mp3");
        assertThat(preview.entries().get(0).enclosures().get(0).length()).as("not a number").isNull();
        assertThat(preview.entries().get(1).link()).isEqualTo("https://rel.example.com/other/2.html");
        assertThat(preview.entries().get(1).content()).isEqualTo(
                "<a href=\"https://rel.example.com/other/3.html\">three</a> <img src=\"https://cdn.example.net/i.png\">");
        assertThat(preview.entries().get(2).link()).isNull();
        assertThat(preview.entries().get(2).enclosures()).isEmpty();
        assertThat(preview.entries().get(3).link()).isEqualTo("https://rel.example.com/a%20b/%C3%BC");
        assertThat(FeedFixtures.codes(preview.warnings())).containsExactly("bad_url");
        assertThat(FeedFixtures.preview("no-base-relative.xml").entries().get(0).link())
                .isEqualTo("https://feeds.example.com/posts/7");
        assertThat(FeedFixtures.preview("no-base-relative.xml", null, null).entries().get(0).link()).isNull();
    }
}
