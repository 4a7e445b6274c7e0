package dev.fnbundle.local;

import static dev.fnbundle.local.BundleStack.await;
import static dev.fnbundle.local.BundleStack.call;
import static dev.fnbundle.local.BundleStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RSS ingestion through the local runtime: subscriptions through the JWT-protected API, the hourly schedule fired
 * by hand, the fetch queue and its consumer fetching from a feed server on 127.0.0.1 (allowed because the stack
 * runs with --allow-loopback-fetch), conditional GET, exactly-once storage under duplicate delivery, and the
 * preview parser's handling of hostile and wrong documents.
 */
class RssIngestorEndToEndTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ETAG = "\"e2e-" + RUN + "\"";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static HttpServer server;
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    /** A request the feed server answered. */
    private record Seen(String path, String ifNoneMatch, int status) {
    }

    @BeforeAll
    static void startFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", RssIngestorEndToEndTest::serve);
        server.start();
    }

    @AfterAll
    static void stopFeedServer() {
        server.stop(0);
    }

    /** Records each request before answering it, so a client never sees an answer the record lacks. */
    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            boolean etagFeed = path.endsWith("/etag.xml");
            int status = etagFeed && ETAG.equals(ifNoneMatch) ? 304 : path.endsWith(".xml") ? 200 : 404;
            SEEN.add(new Seen(path, ifNoneMatch, status));
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            if (etagFeed) {
                exchange.getResponseHeaders().add("ETag", ETAG);
            }
            byte[] body = feed(etagFeed ? 3 : 2).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String feed(int items) {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>E2E ").append(RUN)
                .append("</title><link>http://127.0.0.1/</link>");
        for (int i = items; i >= 1; i--) {
            xml.append("<item><title>Item ").append(i).append("</title><guid>").append(RUN).append('-').append(i)
                    .append("</guid><pubDate>0").append(i).append(" Nov 2026 08:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static String feedUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + RUN + "/" + name;
    }

    private static List<Seen> seen(String name) {
        return SEEN.stream().filter(s -> s.path().equals("/" + RUN + "/" + name)).toList();
    }

    private static String subscribe(String url) {
        var created = call("POST", "/feeds", "{\"url\": \"" + url + "\", \"title\": \"E2E\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static List<String> items(String feedId) {
        var guids = new ArrayList<String>();
        var response = call("GET", "/feeds/" + feedId + "/items?limit=100", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        json(response).get("items").forEach(item -> guids.add(item.get("guid").asText()));
        return guids;
    }

    private static JsonNode fetchState(String feedId) {
        return json(call("GET", "/feeds/" + feedId, null)).get("fetch");
    }

    private static void fireSchedule() {
        var fired = call("POST", "/_local/schedules/FetchFeedsSchedule/fire", null);
        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(202);
    }

    private static HttpResponse<String> postXml(String path, String xml) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BundleStack.shared().port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("content-type", "application/xml")
                .header("Authorization", "Bearer " + BundleStack.shared().devToken())
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_scheduled_run_stores_a_local_feed_and_the_next_run_is_a_conditional_get_answered_304() {
        String id = subscribe(feedUrl("etag.xml"));

        fireSchedule();
        await("the feed's three items", () -> items(id).size() == 3);
        await("the fetch state", () -> fetchState(id).get("status").asText().equals("ok"));

        assertThat(items(id)).containsExactly(RUN + "-3", RUN + "-2", RUN + "-1");
        assertThat(fetchState(id).get("etag").asText()).isEqualTo(ETAG);
        fireSchedule();
        await("a conditional fetch", () -> fetchState(id).get("status").asText().equals("not_modified"));

        List<Seen> requests = seen("etag.xml");
        assertThat(requests).extracting(Seen::status).containsExactly(200, 304);
        assertThat(requests.get(1).ifNoneMatch()).isEqualTo(ETAG);
        assertThat(items(id)).hasSize(3);
        assertThat(fetchState(id).get("errorCount").asInt()).isZero();
    }

    @Test
    void the_same_fetch_message_delivered_twice_stores_the_items_once() {
        String id = subscribe(feedUrl("plain.xml"));
        var stack = BundleStack.shared();
        String queueUrl = stack.model().queue("FetchQueue").url();
        String message = "{\"feedId\": \"" + id + "\", \"run\": \"e2e-duplicate\"}";

        stack.aws().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(message));
        stack.aws().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(message));
        // The feed has no validators, so both deliveries download it; politeness spaces them by two seconds.
        await("both deliveries fetched the feed", () -> seen("plain.xml").size() >= 2
                && fetchState(id).get("status").asText().equals("ok"));
        await("the second delivery recorded", () -> fetchState(id).path("newEntries").asInt(-1) == 0);

        assertThat(seen("plain.xml")).extracting(Seen::status).containsOnly(200);
        assertThat(items(id)).containsExactly(RUN + "-2", RUN + "-1");
        var since = json(call("GET", "/items?limit=100", null)).get("items");
        var mine = new ArrayList<String>();
        since.forEach(i -> {
            if (i.get("feedId").asText().equals(id)) {
                mine.add(i.get("guid").asText());
            }
        });
        assertThat(mine).containsExactlyInAnyOrder(RUN + "-2", RUN + "-1");
    }

    @Test
    void hostile_and_wrong_documents_are_answered_safely_by_the_preview_parser() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&lol2;</title><item><title>&xxe;</title></item>"
                + "</channel></rss>";
        String html = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Not a feed</p></body></html>";

        var parsed = postXml("/feeds/parse", laughs);
        var page = postXml("/feeds/parse", html);

        assertThat(parsed.statusCode()).as(parsed.body()).isEqualTo(200);
        JsonNode body = json(parsed);
        assertThat(body.at("/feed/title").asText()).isEqualTo("&lol2;");
        assertThat(body.at("/entries/0/title").asText()).isEqualTo("&xxe;");
        assertThat(body.get("warnings").toString()).contains("doctype_ignored");
        assertThat(parsed.body()).doesNotContain("root:").doesNotContain("lollol");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(422);
        assertThat(json(page).get("reason").asText()).isEqualTo("html_page");
        assertThat(page.headers().firstValue("content-type")).contains("application/problem+json");
    }

    @Test
    void a_private_address_is_refused_at_subscription_with_the_reason() {
        var refused = call("POST", "/feeds", "{\"url\": \"http://192.168.1.10/feed.xml\"}");
        var anonymous = call("POST", "/feeds", "{\"url\": \"" + feedUrl("etag.xml") + "\"}", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("category").asText()).isEqualTo("private");
        assertThat(json(refused).at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
