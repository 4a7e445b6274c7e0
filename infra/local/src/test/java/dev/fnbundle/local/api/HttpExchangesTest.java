package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime reads a request body whole, or just past its limit so that it can answer 413. */
class HttpExchangesTest {
    private static final int LIMIT = 1 << 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpServer server;
    private final AtomicReference<byte[]> read = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            read.set(HttpExchanges.readBody(exchange, LIMIT));
            HttpExchanges.send(exchange, 204, null, new byte[0]);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_body_stating_its_length_is_read_byte_for_byte() throws Exception {
        byte[] body = randomBytes(LIMIT);

        post(HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(read.get()).isEqualTo(body);
    }

    @Test
    void a_chunked_body_is_read_byte_for_byte() throws Exception {
        byte[] body = randomBytes(300_000);

        post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(read.get()).isEqualTo(body);
    }

    @Test
    void a_body_over_the_limit_is_read_only_one_byte_past_it_whether_it_states_its_length_or_not() throws Exception {
        byte[] body = randomBytes(LIMIT + 5_000);

        post(HttpRequest.BodyPublishers.ofByteArray(body));
        byte[] stated = read.get();
        post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        byte[] chunked = read.get();

        assertThat(stated).hasSize(LIMIT + 1);
        assertThat(chunked).hasSize(LIMIT + 1);
    }

    private void post(HttpRequest.BodyPublisher body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).POST(body).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(204);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
