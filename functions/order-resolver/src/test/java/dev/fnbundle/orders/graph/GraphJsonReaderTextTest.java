package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request body read from the UTF-8 bytes of its text (as an HTTP event's body arrives) is read exactly as the
 * same text held in a String: names, order, options, and the same errors.
 */
class GraphJsonReaderTextTest {
    private final GraphJsonReader reader = new GraphJsonReader();

    @Test
    void names_of_every_kind_read_the_same_from_bytes_as_from_the_string() {
        String body = "{\"graph\": {\"caf\u00e9\": [\"\ud83d\ude00\", \"a\\\"b\", \"\\u00e9\\ud83d\\ude00\"],"
                + " \"\u4e2d\": [], \"line\\nbreak\\u2028\": [\"caf\u00e9\"]}, \"strict\": true}";

        GraphRequest fromText = reader.readRequest(body);
        GraphRequest fromBytes = reader.readRequestText(body.getBytes(StandardCharsets.UTF_8));

        assertThat(fromBytes.strict()).isTrue();
        assertThat(fromBytes.graph().names()).isEqualTo(fromText.graph().names());
        OrderResolver resolver = new OrderResolver();
        assertThat(resolver.resolve(fromBytes.graph()).order()).isEqualTo(resolver.resolve(fromText.graph()).order());
    }

    @Test
    void a_byte_order_mark_is_rejected_as_in_the_string() {
        String body = "\ufeff{\"graph\": {}}";

        assertThatThrownBy(() -> reader.readRequestText(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GraphJsonSyntaxException.class);
        assertThat(messageOf(() -> reader.readRequestText(body.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(messageOf(() -> reader.readRequest(body)));
    }

    @Test
    void invalid_bodies_fail_with_the_same_errors() {
        for (String body : List.of("", "[]", "{\"graph\": {\"a\": [1]}}", "{\"graph\": {\"a\": []}} x",
                "{\"graph\": {\"a\": [\"b\"]}, \"other\": 1}", "{\"graph\": {\"a\": [\"b\"")) {
            String expected = messageOf(() -> reader.readRequest(body));
            assertThat(messageOf(() -> reader.readRequestText(body.getBytes(StandardCharsets.UTF_8)))).as(body)
                    .isEqualTo(expected);
        }
    }

    @Test
    void the_first_bytes_of_a_longer_buffer_read_as_those_bytes_alone_whatever_follows_them() {
        for (String body : List.of("{\"graph\": {\"a\": [\"b\"], \"b\": []}}", "", "{\"graph\": {\"a\": [\"b\"",
                "{\"graph\": {\"abcdefghijklmnop\": [\"qrstuvwxyz0123456789\"", "{\"graph\": {\"a\": []}} x")) {
            byte[] exact = body.getBytes(StandardCharsets.UTF_8);
            String expected = outcomeOf(() -> reader.readRequestText(exact));
            for (String after : List.of("\"]}}", "\"], \"c\": [\"d\"]}}", "xxxxxxxxxxxxxxxxxxxxxxxx\"")) {
                byte[] buffer = (body + after).getBytes(StandardCharsets.UTF_8);
                assertThat(outcomeOf(() -> reader.readRequestText(buffer, exact.length))).as(body + " | " + after)
                        .isEqualTo(expected);
            }
        }
    }

    private static String outcomeOf(java.util.function.Supplier<GraphRequest> read) {
        try {
            GraphRequest request = read.get();
            return request.graph().names() + " " + new OrderResolver().resolve(request.graph()).order();
        } catch (GraphJsonSyntaxException | InvalidFieldsException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String messageOf(Runnable read) {
        try {
            read.run();
            return "no error";
        } catch (GraphJsonSyntaxException | InvalidFieldsException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
