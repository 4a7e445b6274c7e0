package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local stack can be reached from this machine only, and not by a web page on it: every service listens on
 * loopback, and the endpoints that need no token refuse a foreign Host (DNS rebinding) and a foreign Origin (CSRF).
 */
class LoopbackOnlyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void every_socket_of_the_stack_listens_on_loopback_only() {
        assumeTrue(ListeningSockets.available(), "needs Linux's /proc to see listening sockets");
        var runtime = FixtureRuntime.shared();
        var mail = runtime.mail().ports();
        List<Integer> services = List.of(runtime.port(), runtime.dynamoEndpoint().getPort(),
                runtime.sqsEndpoint().getPort(), mail.smtp(), mail.imap(), mail.imaps());

        var sockets = ListeningSockets.ofThisProcessTree();

        assertThat(sockets.stream().map(ListeningSockets.Socket::port)).containsAll(services);
        // The function instances' Runtime API servers are listening sockets of this JVM too.
        assertThat(sockets.size()).isGreaterThan(services.size() + runtime.pools().size() - 1);
        assertThat(sockets).allSatisfy(socket -> assertThat(socket.loopback()).as("%s", socket).isTrue());
    }

    @Test
    void local_endpoints_and_the_invoke_api_refuse_a_host_that_is_not_loopback() throws Exception {
        int port = FixtureRuntime.shared().port();

        for (String path : List.of("/_local/health", "/2015-03-31/functions/CrashFunction/invocations")) {
            String method = path.startsWith("/_local") ? "GET" : "POST";
            assertThat(RawHttp.status(port, method, path, "Host: evil.example:" + port)).as(path).isEqualTo(403);
            assertThat(RawHttp.status(port, method, path, "Host: 127.0.0.1.evil.example")).as(path).isEqualTo(403);
            assertThat(RawHttp.status(port, method, path, "X-No-Host: 1")).as(path).isEqualTo(403);
        }
        for (String host : List.of("localhost", "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "[::1]")) {
            assertThat(RawHttp.status(port, "GET", "/_local/health", "Host: " + host)).as(host).isEqualTo(200);
        }
    }

    @Test
    void local_endpoints_and_the_invoke_api_refuse_a_cross_origin_request_with_a_problem() throws Exception {
        int port = FixtureRuntime.shared().port();
        var fire = HttpRequest.newBuilder(FixtureRuntime.uri("/_local/schedules/Nightly/fire"))
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build();
        var invoke = HttpRequest.newBuilder(FixtureRuntime.uri("/2015-03-31/functions/CrashFunction/invocations"))
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        var sameOrigin = HttpRequest.newBuilder(FixtureRuntime.uri("/_local/health"))
                .header("Origin", "http://localhost:" + port).GET().build();
        var otherPort = HttpRequest.newBuilder(FixtureRuntime.uri("/_local/health"))
                .header("Origin", "http://localhost:" + (port == 1 ? 2 : port - 1)).GET().build();

        var refused = HTTP.send(fire, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"status\":403").contains("cross-origin");
        assertThat(HTTP.send(invoke, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(HTTP.send(otherPort, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(HTTP.send(sameOrigin, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void api_routes_stay_as_api_gateway_behaves_whatever_the_host_and_origin() throws Exception {
        int port = FixtureRuntime.shared().port();

        assertThat(RawHttp.status(port, "GET", "/open", "Host: api.example.com\r\nOrigin: https://app.example"))
                .isEqualTo(201);
        assertThat(RawHttp.status(port, "GET", "/items/a", "Host: api.example.com")).isEqualTo(401);
    }

    @Test
    void dynamodb_local_refuses_what_a_web_page_sends() throws Exception {
        int port = FixtureRuntime.shared().dynamoEndpoint().getPort();
        String target = "X-Amz-Target: DynamoDB_20120810.ListTables";

        assertThat(RawHttp.status(port, "POST", "/", "Host: evil.example:" + port + "\r\n" + target))
                .isEqualTo(403);
        assertThat(RawHttp.status(port, "POST", "/", "Host: 127.0.0.1:" + port + "\r\nOrigin: https://evil.example\r\n"
                + target)).isEqualTo(403);
        assertThat(RawHttp.status(port, "OPTIONS", "/", "Host: localhost:" + port + "\r\nOrigin: https://evil.example"
                + "\r\nAccess-Control-Request-Method: POST")).isEqualTo(403);
        assertThat(FixtureRuntime.shared().aws().dynamoDb().listTables().tableNames()).isNotEmpty();
    }

    @Test
    void elasticmq_refuses_what_a_web_page_sends_and_sdk_clients_still_work() throws Exception {
        int port = FixtureRuntime.shared().sqsEndpoint().getPort();
        String form = "Content-Type: application/x-www-form-urlencoded";

        assertThat(RawHttp.status(port, "POST", "/?Action=ListQueues", "Host: evil.example:" + port + "\r\n" + form))
                .isEqualTo(403);
        assertThat(RawHttp.status(port, "POST", "/?Action=ListQueues", "Host: 127.0.0.1:" + port
                + "\r\nOrigin: https://evil.example\r\n" + form)).isEqualTo(403);
        assertThat(FixtureRuntime.shared().aws().sqs().listQueues().queueUrls())
                .allMatch(url -> url.startsWith(FixtureRuntime.shared().sqsEndpoint().toString())).isNotEmpty();
    }

    @Test
    void greenmail_closes_a_connection_that_opens_with_an_http_request_and_serves_mail_clients() throws Exception {
        var mail = FixtureRuntime.shared().mail().ports();

        for (int port : List.of(mail.smtp(), mail.imap())) {
            try (var page = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                page.setSoTimeout(30_000);
                page.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type:"
                        + " text/plain\r\n\r\nHELO evil\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(page.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(answer).as("port %d", port).doesNotContain("250").doesNotContain("HELO");
                assertThat(answer.lines().count()).as("only the greeting: %s", answer).isLessThanOrEqualTo(1);
            }
        }
        try (var client = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), mail.smtp())) {
            client.setSoTimeout(30_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220");
            client.getOutputStream().write("HELO me\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("250");
        }
    }

    @Test
    void the_dev_token_file_is_readable_by_its_owner_only() throws Exception {
        var file = FixtureRuntime.directory().resolve("target/local/dev-token");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).trim()).isEqualTo(FixtureRuntime.shared().devToken());
    }
}
