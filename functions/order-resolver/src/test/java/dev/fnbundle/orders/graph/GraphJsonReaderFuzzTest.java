package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: the byte-level graph reader ({@link GraphJsonReader}, {@link JsonLexer}, {@link NameInterner})
 * returns a graph or throws what its Javadoc names ({@link GraphJsonSyntaxException}, {@link InvalidFieldsException},
 * {@link GraphTooLargeException}); and for a document Jackson reads as a valid graph it returns the same nodes and
 * dependencies (differential). The first byte picks the entry point: even, {@code readGraph} of the bytes as a
 * stream; odd, {@code readRequest} of the bytes decoded as text, as the API handler calls it.
 */
class GraphJsonReaderFuzzTest {
    private static final GraphJsonReader READER = new GraphJsonReader();
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @FuzzTest
    void a_document_is_a_graph_or_a_client_error_and_agrees_with_jackson(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] json = Arrays.copyOfRange(data, 1, data.length);
        boolean stream = (data[0] & 1) == 0;
        DependencyGraph graph;
        try {
            graph = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> stream
                    ? READER.readGraph(new ByteArrayInputStream(json))
                    : READER.readRequest(new String(json, StandardCharsets.UTF_8)).graph());
        } catch (GraphJsonSyntaxException | InvalidFieldsException | GraphTooLargeException expected) {
            graph = null;
        }
        if (stream) {
            Map<String, List<String>> expected = jacksonGraph(json);
            if (expected != null) {
                assertThat(graph).as("a valid graph by Jackson's reading").isNotNull();
                assertSameGraph(graph, expected);
            }
        }
    }

    /** The graph Jackson reads from strict UTF-8 JSON, or null when it is not valid JSON or not a valid graph. */
    private static Map<String, List<String>> jacksonGraph(byte[] json) {
        JsonNode tree;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json));
            String text = new String(json, StandardCharsets.UTF_8).stripLeading();
            if (!text.startsWith("{")) {
                return null; // BOMs and UTF-16/32, which Jackson guesses, are another reader's business
            }
            tree = JACKSON.readTree(json);
        } catch (IOException notValidJson) { // CharacterCodingException included
            return null;
        }
        Map<String, List<String>> graph = new HashMap<>();
        for (var entry : tree.properties()) {
            if (!entry.getValue().isArray() || !validName(entry.getKey())) {
                return null;
            }
            List<String> dependencies = new ArrayList<>();
            for (JsonNode dependency : entry.getValue()) {
                if (!dependency.isTextual() || !validName(dependency.textValue())) {
                    return null;
                }
                dependencies.add(dependency.textValue());
            }
            graph.put(entry.getKey(), dependencies);
        }
        return graph;
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && name.length() <= 100;
    }

    private static void assertSameGraph(DependencyGraph graph, Map<String, List<String>> expected) {
        Map<String, List<String>> successors = new HashMap<>();
        expected.forEach((node, dependencies) -> {
            successors.computeIfAbsent(node, n -> new ArrayList<>());
            dependencies.forEach(d -> successors.computeIfAbsent(d, n -> new ArrayList<>()).add(node));
        });
        assertThat(graph.nodeCount()).isEqualTo(successors.size());
        successors.forEach((node, dependents) -> {
            int id = graph.idOf(node);
            assertThat(id).as("node %s", node).isNotNegative();
            assertThat(graph.isDeclared(id)).isEqualTo(expected.containsKey(node));
            List<String> actual = new ArrayList<>();
            for (int s : graph.successors(id)) {
                actual.add(graph.name(s));
            }
            assertThat(actual).as("dependents of %s", node).containsExactlyInAnyOrderElementsOf(dependents);
        });
    }
}
