package dev.fnbundle.rss.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedUrlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS://WWW.Example.COM:443/feed.xml#top   | https://www.example.com/feed.xml",
        "http://example.com                         | http://example.com/",
        "http://example.com:80?x=1                  | http://example.com/?x=1",
        "https://example.com:8443/Feed.XML?A=B&c=%41 | https://example.com:8443/Feed.XML?A=B&c=%41",
        "http://[2001:DB8::1]:8080/rss              | http://[2001:db8::1]:8080/rss",
        "'  https://example.com/feed  '             | https://example.com/feed"
    })
    void urls_are_normalized_so_one_feed_written_two_ways_has_one_id(String raw, String normal) {
        FeedUrl url = FeedUrl.normalize(FeedUrl.syntax(raw));

        assertThat(url.uri().toString()).isEqualTo(normal);
        assertThat(url.id()).isEqualTo(FeedUrl.normalize(FeedUrl.syntax(normal)).id()).matches("[0-9a-f]{24}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds are nice", "/relative/feed.xml", "mailto:someone@example.com", "http://a b/"})
    void what_is_not_an_absolute_url_is_refused_before_any_lookup(String raw) {
        assertThatThrownBy(() -> FeedUrl.syntax(raw)).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.fields()).containsExactly("url"));
    }

    @Test
    void ids_are_24_lower_case_hex_digits() {
        String id = "0123456789abcdef01234567";
        assertThat(FeedUrl.isId(id)).isTrue();
        assertThat(FeedUrl.isId(id.toUpperCase())).isFalse();
        assertThat(FeedUrl.isId(id + "0")).isFalse();
        assertThat(FeedUrl.isId("../../etc/passwd")).isFalse();
    }

    @Test
    void an_overlong_url_is_refused() {
        String url = "https://example.com/" + "a".repeat(2049 - 20);

        assertThatThrownBy(() -> FeedUrl.syntax(url)).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.errors().get(0).detail()).contains("2048"));
    }
}
