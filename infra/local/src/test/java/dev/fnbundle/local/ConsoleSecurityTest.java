package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser console's defences, over plain HTTP: loopback Host and same Origin on every endpoint (pages, the
 * live streams, actions), actions only as POSTs carrying the page's token, a strict Content-Security-Policy on
 * every answer, and the dev token in no page.
 */
class ConsoleSecurityTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> PAGES = List.of("", "invocations", "logs", "queues", "queues/WorkDeadLetterQueue",
            "tables", "tables/FixtureTable", "schedules", "api", "api/docs", "mail");
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"console-token\" content=\"([^\"]+)\">");

    @Test
    void every_page_answers_with_a_strict_content_security_policy_and_no_caching() throws Exception {
        for (String page : PAGES) {
            var response = get("/_local/console/" + page);

            assertThat(response.statusCode()).as(page).isEqualTo(200);
            String policy = response.headers().firstValue("content-security-policy").orElse("");
            assertThat(policy).as(page).contains("script-src 'self';").contains("style-src 'self';")
                    .contains("object-src 'none'").contains("frame-ancestors 'none'").contains("base-uri 'none'")
                    .contains("default-src 'self'").doesNotContain("unsafe");
            assertThat(response.headers().firstValue("x-content-type-options")).as(page).contains("nosniff");
            assertThat(response.headers().firstValue("cache-control")).as(page).contains("no-store");
            assertThat(response.body()).as(page).doesNotContainPattern("<script>|<style|\\sstyle=|\\son[a-z]+=");
        }
    }

    @Test
    void pages_streams_files_and_actions_refuse_a_host_that_is_not_loopback() throws Exception {
        int port = FixtureRuntime.shared().port();
        for (String path : List.of("/_local/console/", "/_local/console/tables/FixtureTable",
                "/_local/console/invocations/stream", "/_local/console/logs/stream",
                "/_local/console/static/console.js",
                "/_local/openapi.json")) {
            assertThat(RawHttp.status(port, "GET", path, "Host: rebound.example:" + port)).as(path).isEqualTo(403);
        }
        String token = pageToken();
        assertThat(RawHttp.status(port, "POST", "/_local/console/schedules/Nightly/fire", "Host: rebound.example:"
                + port + "\r\nX-Console-Token: " + token)).isEqualTo(403);
    }

    @Test
    void pages_streams_and_actions_refuse_another_origin() throws Exception {
        int port = FixtureRuntime.shared().port();
        String token = pageToken();
        for (String path : List.of("/_local/console/", "/_local/console/invocations/stream")) {
            var request = HttpRequest.newBuilder(FixtureRuntime.uri(path)).header("Origin", "https://evil.example")
                    .timeout(Duration.ofSeconds(10)).GET().build();
            assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as(path).isEqualTo(403);
        }
        var action = HttpRequest.newBuilder(FixtureRuntime.uri("/_local/console/queues/WorkQueue/purge"))
                .header("Origin", "http://localhost:" + (port + 1)).header("X-Console-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HTTP.send(action, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void an_action_needs_the_pages_token_in_its_header_and_a_post() throws Exception {
        String token = pageToken();
        String fire = "/_local/console/schedules/Nightly/fire";

        assertThat(post(fire, null, null).statusCode()).isEqualTo(403);
        assertThat(post(fire, "wrong-" + token, null).statusCode()).isEqualTo(403);
        assertThat(post(fire, token, "cross-site").statusCode()).isEqualTo(403);
        assertThat(get(fire).statusCode()).isEqualTo(404);
        var put = HttpRequest.newBuilder(FixtureRuntime.uri(fire)).header("X-Console-Token", token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HTTP.send(put, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        var fired = post(fire, token, "same-origin");
        assertThat(fired.statusCode()).isEqualTo(202);
        assertThat(MAPPER.readTree(fired.body()).path("message").asText()).startsWith("fired Nightly");
    }

    @Test
    void the_dev_token_is_in_no_page_and_only_handed_to_a_console_action() throws Exception {
        String devToken = FixtureRuntime.shared().devToken();
        for (String page : PAGES) {
            assertThat(get("/_local/console/" + page).body()).as(page).doesNotContain(devToken);
        }
        assertThat(post("/_local/console/api/token", null, null).statusCode()).isEqualTo(403);
        var handed = post("/_local/console/api/token", pageToken(), null);
        assertThat(MAPPER.readTree(handed.body()).path("token").asText()).isEqualTo(devToken);
        assertThat(handed.headers().firstValue("cache-control")).contains("no-store");
    }

    @Test
    void a_wrong_key_or_page_token_is_a_400_and_an_unknown_page_a_404_never_a_500() throws Exception {
        assertThat(get("/_local/console/tables/FixtureTable?after=not-a-page").statusCode()).isEqualTo(400);
        assertThat(get("/_local/console/tables/FixtureTable/item?key=%7B").statusCode()).isEqualTo(400);
        assertThat(get("/_local/console/tables/NoSuchTable").statusCode()).isEqualTo(404);
        assertThat(get("/_local/console/invocations/no-such-request").statusCode()).isEqualTo(404);
        assertThat(get("/_local/console/static/../../etc/passwd").statusCode()).isEqualTo(404);
        assertThat(get("/_local/console/webjars/swagger-ui/index.html").statusCode()).isEqualTo(404);
        var redirect = get("/_local/console");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location")).contains("/_local/console/");
    }

    @Test
    void the_openapi_document_is_served_as_json_read_from_the_yaml_beside_the_template() throws Exception {
        var response = get("/_local/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        var document = MAPPER.readTree(response.body());
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("paths").has("/items/{id}")).isTrue();
        assertThat(document.path("info").path("version").asText()).isEqualTo("1.0");
    }

    @Test
    void the_invocation_stream_sends_each_new_invocation_as_a_row_with_its_sequence() throws Exception {
        var request = HttpRequest.newBuilder(FixtureRuntime.uri("/_local/console/invocations/stream?function="
                + "EchoFunction")).GET().build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        var lines = new LinkedBlockingQueue<String>();
        var reader = Thread.ofVirtual().start(() -> {
            try (var events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        try {
            var echo = HttpRequest.newBuilder(FixtureRuntime.uri("/items/streamed"))
                    .header("Authorization", "Bearer " + FixtureRuntime.shared().devToken()).GET().build();
            String requestId = MAPPER.readTree(HTTP.send(echo, HttpResponse.BodyHandlers.ofString()).body())
                    .path("requestId").asText();

            String id = null;
            String data = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith("id: ")) {
                    id = line;
                } else if (line != null && line.startsWith("data: ") && line.contains(requestId)) {
                    data = line;
                }
            }
            assertThat(data).contains("<tr").contains("EchoFunction").contains("GET /items/{id}");
            assertThat(id).matches("id: \\d+");
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    private static String pageToken() throws Exception {
        var matcher = TOKEN.matcher(get("/_local/console/").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(FixtureRuntime.uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String fetchSite) throws Exception {
        var request = HttpRequest.newBuilder(FixtureRuntime.uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Console-Token", token);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
