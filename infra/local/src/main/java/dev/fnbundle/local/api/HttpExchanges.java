package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reading requests and writing answers on the runtime's HTTP servers: bodies with their length, RFC 9457 problems. */
public final class HttpExchanges {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpExchanges() {
    }

    /**
     * The request body, or its first {@code limit + 1} bytes when it is longer (so the caller can answer 413). A
     * body that states its length within the limit is read straight into an array of that length: read in chunks
     * and then joined, a 2 MB body was copied twice.
     */
    public static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        InputStream in = exchange.getRequestBody();
        long declared = declaredLength(exchange.getRequestHeaders().getFirst("Content-Length"));
        if (declared < 0 || declared > limit) {
            return in.readNBytes(limit + 1);
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        // the server ends the stream at the stated length; fewer bytes means the client stopped sending
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static long declaredLength(String header) {
        if (header == null || header.isEmpty() || header.length() > 18) {
            return -1;
        }
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) < '0' || header.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(header);
    }

    /** Sends {@code body} with {@code status}; an empty body is sent without content. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("content-type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sends UTF-8 text. */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a JSON document made of a value (maps, lists, records). */
    public static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json", MAPPER.writeValueAsBytes(value));
    }

    /** Sends an {@code application/problem+json} document. */
    public static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = MAPPER.createObjectNode().put("type", "about:blank").put("title", title)
                .put("status", status).put("detail", detail);
        send(exchange, status, "application/problem+json", MAPPER.writeValueAsBytes(problem));
    }
}
