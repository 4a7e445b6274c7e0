package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.fetch.FetchOutcome;
import dev.fnbundle.fetch.FetchRequest;
import dev.fnbundle.fetch.FetchSettings;
import dev.fnbundle.fetch.ResponseTooLargeException;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.SsrfGuard;
import dev.fnbundle.common.testing.LocalHttpServer;
import dev.fnbundle.rss.model.FeedPreview;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher streams a response straight into the parser: HTTP charset, final URL as base, shared body cap. */
class FeedFetchIntegrationTest {
    private static LocalHttpServer server;
    private static SafeHttpFetcher fetcher;

    @BeforeAll
    static void start() {
        server = new LocalHttpServer("feed-fetch-test");
        server.route("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feeds/latin1.xml");
            exchange.sendResponseHeaders(301, -1);
        });
        server.route("/feeds/latin1.xml", exchange -> LocalHttpServer.send(exchange, 200,
                "text/xml; charset=ISO-8859-1",
                "<rss><channel><title>Café</title><item><link>../posts/1</link></item></channel></rss>"
                        .getBytes(StandardCharsets.ISO_8859_1)));
        server.route("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
                byte[] item = "<item><title>again</title></item>".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000; i++) {
                    out.write(item);
                }
            }
        });
        fetcher = new SafeHttpFetcher(new SsrfGuard(true), new FetchSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 64 * 1024, 3, "fnbundle-test/1.0"));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    private static URI url(String path) {
        return server.url(path);
    }

    @Test
    void a_redirected_latin1_feed_is_parsed_with_the_http_charset_and_the_final_url_as_base() {
        FetchOutcome<FeedPreview> outcome = fetcher.fetch(FetchRequest.of(url("/moved")),
                (response, body) -> new FeedParser().preview(body, response.charset(), response.finalUrl(), 10));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class, fetched -> {
            FeedPreview preview = (FeedPreview) fetched.body();
            assertThat(preview.feed().title()).isEqualTo("Café");
            assertThat(preview.entries().get(0).link()).isEqualTo(url("/posts/1").toString());
        });
    }

    @Test
    void the_fetch_cap_stops_a_streaming_parse_of_an_oversized_feed() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(url("/endless")),
                (response, body) -> new FeedParser().parse(body, response.charset(), response.finalUrl(), e -> { })))
                .isInstanceOf(ResponseTooLargeException.class);
    }
}
