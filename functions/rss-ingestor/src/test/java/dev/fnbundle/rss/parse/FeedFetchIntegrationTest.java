package dev.fnbundle.rss.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.fnbundle.fetch.FetchOutcome;
import dev.fnbundle.fetch.FetchRequest;
import dev.fnbundle.fetch.FetchSettings;
import dev.fnbundle.fetch.ResponseTooLargeException;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.SsrfGuard;
import dev.fnbundle.rss.model.FeedPreview;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher streams a response straight into the parser: HTTP charset, final URL as base, shared body cap. */
class FeedFetchIntegrationTest {
    private static HttpServer server;
    private static SafeHttpFetcher fetcher;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feeds/latin1.xml");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/feeds/latin1.xml", exchange -> {
            byte[] body = "<rss><channel><title>Café</title><item><link>../posts/1</link></item></channel></rss>"
                    .getBytes(StandardCharsets.ISO_8859_1);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=ISO-8859-1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
                byte[] item = "<item><title>again</title></item>".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000; i++) {
                    out.write(item);
                }
            } catch (IOException e) {
                // the client stopped reading at its cap
            }
            exchange.close();
        });
        server.start();
        fetcher = new SafeHttpFetcher(new SsrfGuard(true), new FetchSettings(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 64 * 1024, 3, "fnbundle-test/1.0"));
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.stop(0);
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
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
