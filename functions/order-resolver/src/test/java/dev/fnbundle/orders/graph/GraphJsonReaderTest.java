package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphJsonReaderTest {
    private final GraphJsonReader reader = new GraphJsonReader();

    @Test
    void nodes_are_numbered_in_graphlib_insertion_order() {
        // when
        DependencyGraph graph = reader.readGraph("{\"b\": [\"z\", \"a\"], \"a\": [], \"c\": [\"z\"]}");

        // then
        assertThat(graph.names()).containsExactly("b", "z", "a", "c");
        assertThat(graph.successors(graph.idOf("z"))).containsExactly(graph.idOf("b"), graph.idOf("c"));
        assertThat(graph.isDeclared(graph.idOf("z"))).isFalse();
    }

    @Test
    void a_repeated_key_keeps_its_first_position_and_its_last_value_like_json_loads() {
        // when
        DependencyGraph graph = reader.readGraph("{\"a\": [\"x\"], \"b\": [], \"a\": [\"y\"]}");

        // then: python3 gives {'a': ['y'], 'b': []}, so nodes a, y, b and no x
        assertThat(graph.names()).containsExactly("a", "y", "b");
        assertThat(new OrderResolver().resolve(graph).order()).containsExactly("y", "b", "a");
    }

    @Test
    void a_body_that_is_not_an_object_is_a_violation_of_graph() {
        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> reader.readGraph("[1, 2]"));

        // then
        assertThat(error.errors()).containsExactly(new FieldError("graph",
                "must be a JSON object mapping each node to the array of nodes it depends on"));
    }

    @Test
    void every_invalid_entry_is_reported_with_its_path() {
        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> reader.readGraph("""
                        {"myapp": ["requests", 3, ""], "": [], "web": "flask", "my.app": [null], "ok": ["x"]}"""));

        // then
        assertThat(error.errors()).containsExactly(
                new FieldError("graph.myapp[1]", "must be a string naming a node"),
                new FieldError("graph.myapp[2]", "node name must not be empty"),
                new FieldError("graph[\"\"]", "node name must not be empty"),
                new FieldError("graph.web", "must be an array of the names of the nodes it depends on"),
                new FieldError("graph[\"my.app\"][0]", "must be a string naming a node"));
        assertThat(error.truncated()).isFalse();
        assertThat(error.getMessage()).doesNotContain("myapp");
    }

    @Test
    void nested_values_inside_a_dependency_list_are_skipped_and_reported() {
        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> reader.readGraph("{\"a\": [[\"b\"], {\"c\": 1}, \"d\"]}"));

        // then
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("graph.a[0]", "graph.a[1]");
    }

    @Test
    void violations_stop_at_the_cap_and_say_so() {
        // given
        GraphJsonReader capped = new GraphJsonReader(new GraphLimits(100, 100, 10, 2));

        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> capped.readGraph("{\"a\": [1, 2, 3, 4]}"));

        // then
        assertThat(error.errors()).hasSize(2);
        assertThat(error.truncated()).isTrue();
    }

    @Test
    void too_many_nodes_is_a_size_error_not_a_violation() {
        // given
        GraphJsonReader small = new GraphJsonReader(GraphLimits.DEFAULT.withMaxNodes(3));

        // when
        GraphTooLargeException error = catchThrowableOfType(GraphTooLargeException.class,
                () -> small.readGraph("{\"a\": [\"b\", \"c\"], \"d\": []}"));

        // then
        assertThat(error.limitName()).isEqualTo("nodes");
        assertThat(error.limit()).isEqualTo(3);
        assertThat(small.readGraph("{\"a\": [\"b\", \"c\"], \"b\": []}").nodeCount()).isEqualTo(3);
    }

    @Test
    void names_past_the_node_limit_are_a_size_error_even_when_malformed_json_follows() {
        // given: the fourth name crosses the limit; the document breaks only after it
        GraphJsonReader small = new GraphJsonReader(GraphLimits.DEFAULT.withMaxNodes(3));

        // when / then: as if every name were interned the moment it was read
        assertThatThrownBy(() -> small.readGraph("{\"a\": [\"b\", \"c\"], \"d\": [], ,}"))
                .isInstanceOf(GraphTooLargeException.class);
        assertThatThrownBy(() -> small.readGraph("{\"a\": [\"b\"], \"c\": [], ,}"))
                .isInstanceOf(GraphJsonSyntaxException.class);
    }

    @Test
    void too_many_dependency_entries_is_a_size_error() {
        // given
        GraphJsonReader small = new GraphJsonReader(GraphLimits.DEFAULT.withMaxDependencies(2));

        // when / then
        assertThatThrownBy(() -> small.readGraph("{\"a\": [\"b\", \"b\", \"b\"]}"))
                .isInstanceOfSatisfying(GraphTooLargeException.class,
                        e -> assertThat(e.limitName()).isEqualTo("dependencies"));
    }

    @Test
    void over_long_names_are_violations_with_a_shortened_path() {
        // given
        String longName = "x".repeat(1001);

        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> reader.readGraph("{\"" + longName + "\": []}"));

        // then
        assertThat(error.errors()).singleElement().satisfies(v -> {
            assertThat(v.field()).startsWith("graph[\"xxxx").endsWith("...\"]").hasSizeLessThan(80);
            assertThat(v.detail()).isEqualTo("node name must be at most 1000 characters");
        });
    }

    @Test
    void malformed_json_reports_line_and_column() {
        // when
        GraphJsonSyntaxException error = catchThrowableOfType(GraphJsonSyntaxException.class,
                () -> reader.readGraph("{\"a\": [\"b\",\n  ]}"));

        // then
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isPositive();
    }

    @Test
    void content_after_the_document_is_malformed_like_python_extra_data() {
        assertThatThrownBy(() -> reader.readGraph("{} {}")).isInstanceOf(GraphJsonSyntaxException.class);
        assertThatThrownBy(() -> reader.readGraph("  ")).isInstanceOf(GraphJsonSyntaxException.class);
    }

    @Test
    void a_request_body_carries_graph_and_strict() {
        // given
        byte[] body = "{\"strict\": true, \"graph\": {\"a\": [\"b\"]}}".getBytes(StandardCharsets.UTF_8);

        // when
        GraphRequest request = reader.readRequest(new ByteArrayInputStream(body));

        // then
        assertThat(request.strict()).isTrue();
        assertThat(request.graph().names()).containsExactly("a", "b");
    }

    @Test
    void a_request_reports_missing_graph_bad_strict_and_unknown_fields_together() {
        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> reader.readRequest("{\"strict\": \"yes\", \"grpah\": {}}"));

        // then
        assertThat(error.errors()).containsExactly(
                new FieldError("strict", "must be true or false"),
                new FieldError("grpah", "is not a known field; expected graph and strict"),
                new FieldError("graph", "is required"));
    }

    @Test
    void a_request_whose_graph_is_null_or_an_array_says_graph_must_be_an_object() {
        for (String body : List.of("{\"graph\": null}", "{\"graph\": [\"a\"]}")) {
            InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                    () -> reader.readRequest(body));
            assertThat(error.errors()).extracting(FieldError::field).containsExactly("graph");
        }
    }

    @Test
    void a_request_body_that_is_not_an_object_is_a_violation_of_body() {
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> reader.readRequest("\"graph\""));
        assertThat(error.errors()).containsExactly(
                new FieldError("body", "must be a JSON object with a graph field"));
    }

    @Test
    void a_stream_read_in_tiny_chunks_gives_the_same_graph_as_the_whole_text() {
        // given: 30 000 acyclic entries (about 500 KB), names with escapes and non-ASCII across every window edge
        Random random = new Random(17);
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 30_000; i++) {
            json.append(i == 0 ? "" : ",\n").append("\"n").append(i).append(i % 7 == 0 ? "\\u00e9" : "").append("\":[");
            int dependencies = i == 0 ? 0 : random.nextInt(4);
            for (int d = 0; d < dependencies; d++) {
                String prefix = i % 5 == 0 ? "é" : "n";
                json.append(d == 0 ? "" : ",").append('"').append(prefix).append(random.nextInt(i)).append('"');
            }
            json.append(']');
        }
        String text = json.append('}').toString();
        InputStream trickle = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
        GraphJsonReader unlimited = new GraphJsonReader(GraphLimits.DEFAULT.withMaxNodes(1_000_000));

        // when
        DependencyGraph whole = unlimited.readGraph(text);
        DependencyGraph streamed = unlimited.readGraph(trickle);

        // then
        assertThat(streamed.names()).isEqualTo(whole.names()).hasSizeGreaterThan(30_000).contains("n7\u00e9");
        assertThat(new OrderResolver().resolve(streamed).order()).isEqualTo(new OrderResolver().resolve(whole).order());
    }
}
