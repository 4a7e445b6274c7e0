package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing answers on the runtime's HTTP server: bodies with their length, and RFC 9457 problems. */
public final class HttpExchanges {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpExchanges() {
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
