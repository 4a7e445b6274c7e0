package dev.fnbundle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ cannot be driven by a web page (its guard refuses a foreign Host and any Origin, and forwards nothing
 * it refused), while SDK clients work as before; the mail guard closes a connection that opens with an HTTP request
 * line and passes mail protocols through.
 */
class ServiceGuardsTest {
    private static final StaticCredentialsProvider LOCAL =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @Test
    void elasticmq_refuses_a_foreign_host_and_any_origin_with_403() throws Exception {
        int port = EmbeddedSqs.shared().endpoint().getPort();
        String action = "POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n";
        String body = "Action=ListQueues";

        assertThat(status(port, action + "Host: evil.example:" + port + "\r\n", body)).isEqualTo(403);
        assertThat(status(port, action + "Host: 127.0.0.1:" + port + "\r\nOrigin: https://evil.example\r\n", body))
                .isEqualTo(403);
        assertThat(status(port, action + "Host: localhost:" + port + "\r\nOrigin: null\r\n", body)).isEqualTo(403);
        assertThat(status(port, action + "\r\n", body)).isEqualTo(403);
        assertThat(status(port, action + "Host: 127.0.0.1:" + port + "\r\n", body)).isEqualTo(200);
    }

    @Test
    void a_web_pages_form_post_never_reaches_the_queue() throws Exception {
        var sqs = EmbeddedSqs.shared();
        try (SqsClient client = client(sqs)) {
            String url = client.createQueue(b -> b.queueName("guarded")).queueUrl();
            String form = "Action=SendMessage&QueueUrl=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8)
                    + "&MessageBody=from-a-page";

            int refused = status(sqs.endpoint().getPort(), "POST / HTTP/1.1\r\nHost: 127.0.0.1:"
                    + sqs.endpoint().getPort() + "\r\nOrigin: https://evil.example\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\n", form);

            assertThat(refused).isEqualTo(403);
            assertThat(client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        }
    }

    @Test
    void a_refused_request_after_a_good_one_on_the_same_connection_closes_it() throws Exception {
        int port = EmbeddedSqs.shared().endpoint().getPort();
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            String good = request("Host: 127.0.0.1:" + port + "\r\n", "Action=ListQueues", true);
            String bad = request("Host: evil.example\r\n", "Action=ListQueues", true);
            socket.getOutputStream().write((good + bad).getBytes(StandardCharsets.US_ASCII));

            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answers).startsWith("HTTP/1.1 200");
            assertThat(answers.split("HTTP/1.1 ", -1)).hasSize(2);
        }
    }

    @Test
    void a_chunked_body_is_refused_rather_than_parsed() throws Exception {
        int port = EmbeddedSqs.shared().endpoint().getPort();

        assertThat(status(port, "POST / HTTP/1.1\r\nHost: localhost:" + port + "\r\nTransfer-Encoding: chunked\r\n",
                null)).isEqualTo(411);
    }

    @Test
    void sdk_clients_work_through_the_guard_with_queue_urls_on_its_port() {
        var sqs = EmbeddedSqs.shared();
        try (SqsClient client = client(sqs)) {
            String url = client.createQueue(b -> b.queueName("through-the-guard")).queueUrl();
            for (int i = 0; i < 5; i++) {
                int n = i;
                client.sendMessage(b -> b.queueUrl(url).messageBody("m" + n));
            }

            var received = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1));

            assertThat(url).startsWith(sqs.endpoint().toString());
            assertThat(received.messages()).isNotEmpty();
        }
    }

    @Test
    void a_guard_listening_before_its_service_holds_its_port_and_forwards_once_told_where() throws Exception {
        try (var guard = BrowserGuardProxy.listen(0, "service");
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            int port = guard.port();
            var early = threads.submit(() -> statusOrMinusOne(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\n", null));

            try (var service = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
                var served = threads.submit(() -> answerNoContent(service));
                guard.forwardTo(service.getLocalPort());

                assertThat(early.get(30, TimeUnit.SECONDS)).isEqualTo(204);
                assertThat(served.get(30, TimeUnit.SECONDS)).startsWith("GET / HTTP/1.1");
            }
            assertThatThrownBy(() -> new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close())
                    .isInstanceOf(IOException.class);
        }
    }

    /** A service stand-in: answers its one client's request with a 204 and returns the request's head. */
    private static String answerNoContent(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(30_000);
            var head = new StringBuilder();
            InputStream in = socket.getInputStream();
            int c;
            while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1) {
                head.append((char) c);
            }
            socket.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return head.toString();
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    private static int statusOrMinusOne(int port, String head, String body) {
        try {
            return status(port, head, body);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Test
    void the_mail_guard_closes_a_connection_that_opens_with_an_http_request_line() throws Exception {
        try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             var guard = CrossProtocolGuard.start(0, server.getLocalPort(), "SMTP")) {
            var received = CompletableFuture.supplyAsync(() -> acceptAndRead(server));
            try (var page = new Socket(InetAddress.getLoopbackAddress(), guard.port())) {
                page.setSoTimeout(30_000);
                page.getOutputStream().write(("POST /form HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain"
                        + "\r\n\r\nHELO evil\r\nMAIL FROM:<a@b>\r\n").getBytes(StandardCharsets.US_ASCII));

                String answer = new String(page.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

                // at most the greeting, when it was passed on before the request line arrived (a race)
                assertThat(answer).isIn("", "220 greetings\r\n");
            }
            assertThat(received.get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void the_mail_guard_passes_a_mail_client_through_greeting_first() throws Exception {
        try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             var guard = CrossProtocolGuard.start(0, server.getLocalPort(), "SMTP")) {
            var received = CompletableFuture.supplyAsync(() -> acceptAndRead(server));
            try (var client = new Socket(InetAddress.getLoopbackAddress(), guard.port())) {
                client.setSoTimeout(30_000);
                byte[] greeting = client.getInputStream().readNBytes("220 greetings\r\n".length());
                client.getOutputStream().write("EHLO me\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();

                assertThat(new String(greeting, StandardCharsets.US_ASCII)).isEqualTo("220 greetings\r\n");
            }
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo("EHLO me\r\nQUIT\r\n");
        }
        assertThat(CrossProtocolGuard.isHttpRequestLine("GET / HTTP/1.1\r\n")).isTrue();
        assertThat(CrossProtocolGuard.isHttpRequestLine("PRI * HTTP/2.0\r\n")).isTrue();
        assertThat(CrossProtocolGuard.isHttpRequestLine("a1 LOGIN demo demo\r\n")).isFalse();
    }

    /** A mail server stand-in: greets, then returns all its one client sent. */
    private static String acceptAndRead(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("220 greetings\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    private static SqsClient client(EmbeddedSqs sqs) {
        return SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1).credentialsProvider(LOCAL)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String request(String headers, String body, boolean keepAlive) {
        return "POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" + headers
                + "Content-Length: " + body.length() + "\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n"
                + body;
    }

    /** Sends one request (head lines, then the body if any) and returns the answer's status. */
    private static int status(int port, String head, String body) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            String request = head + (body == null ? "" : "Content-Length: " + body.length() + "\r\n")
                    + "Connection: close\r\n\r\n" + (body == null ? "" : body);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            var line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.write(c);
            }
            return Integer.parseInt(line.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        }
    }
}
