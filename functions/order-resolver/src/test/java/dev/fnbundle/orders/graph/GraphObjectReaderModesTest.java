package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.validation.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A small graph's names are interned on sight, a large one's through a {@link NameBatch}; which one runs depends on
 * the expected name count alone, and both give the same graph (ids, order, edges) or the same error (type, message,
 * violations in order, position) for every document.
 */
class GraphObjectReaderModesTest {
    private static final int ON_SIGHT = 16;
    private static final int BATCHED = GraphObjectReader.DIRECT_MAX_NAMES + 1;
    private static final String[] NAMES = {"a", "b", "c", "abcdefgh", "abcdefghi", "n123456789012", "", "caf\u00e9",
        "\\u00e9", "q\\\"x", "tab\\t", "\ud83d\ude00", "\\ud800", "longer-name-0123456789", "a\\u0000"};
    private static final String[] NOT_NAMES = {"1", "null", "[]", "{}", "true", "[\"a\"]"};

    @Test
    void random_small_documents_read_the_same_on_sight_as_batched() {
        Random random = new Random(7);
        GraphLimits[] limits = {GraphLimits.DEFAULT, new GraphLimits(6, 12, 5, 3), new GraphLimits(40, 30, 9, 100)};
        for (int doc = 0; doc < 1500; doc++) {
            String json = randomDocument(random);
            GraphLimits limit = limits[doc % limits.length];
            assertThat(outcome(json, limit, ON_SIGHT)).as(json).isEqualTo(outcome(json, limit, BATCHED));
        }
    }

    @Test
    void large_random_graphs_read_the_same_on_sight_as_batched() {
        Random random = new Random(11);
        for (int nodes : new int[] {3_000, 70_000}) {
            StringBuilder json = new StringBuilder("{");
            for (int node = 0; node < nodes; node++) {
                json.append(node == 0 ? "" : ",\n").append("\"n").append(random.nextInt(nodes)).append("\":[");
                for (int d = random.nextInt(8); d > 0; d--) {
                    json.append("\"n").append(random.nextInt(nodes * 2)).append(d > 1 ? "\"," : "\"");
                }
                json.append(']');
            }
            String document = json.append('}').toString();

            String onSight = outcome(document, GraphLimits.DEFAULT.withMaxNodes(1 << 20), ON_SIGHT);

            assertThat(onSight).startsWith("graph");
            assertThat(onSight).isEqualTo(outcome(document, GraphLimits.DEFAULT.withMaxNodes(1 << 20), BATCHED));
            assertThat(outcome(document, GraphLimits.DEFAULT.withMaxNodes(nodes), ON_SIGHT)).startsWith("Graph")
                    .isEqualTo(outcome(document, GraphLimits.DEFAULT.withMaxNodes(nodes), BATCHED));
        }
    }

    /** A graph object with random names, valid or not, and now and then a cut-off or malformed end. */
    private static String randomDocument(Random random) {
        StringBuilder json = new StringBuilder("{");
        int entries = random.nextInt(8);
        for (int e = 0; e < entries; e++) {
            json.append(e == 0 ? "" : ",").append('"').append(pick(random, NAMES)).append("\":");
            if (random.nextInt(12) == 0) {
                json.append(pick(random, NOT_NAMES));
                continue;
            }
            json.append('[');
            for (int d = random.nextInt(6); d > 0; d--) {
                json.append(random.nextInt(15) == 0 ? pick(random, NOT_NAMES) : '"' + pick(random, NAMES) + '"')
                        .append(d > 1 ? (random.nextInt(30) == 0 ? ", " : ",") : "");
            }
            json.append(']');
        }
        json.append('}');
        return switch (random.nextInt(10)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> json.toString().replaceFirst(",", ",,");
            default -> json.toString();
        };
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The graph (names, predecessor counts, successors, declared nodes) or the error, as text. */
    private static String outcome(String json, GraphLimits limits, int expectedNames) {
        try {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            JsonLexer lexer = JsonInputs.ofText(bytes, bytes.length);
            lexer.next();
            Violations violations = new Violations(limits.maxViolations());
            DependencyGraph graph = new GraphObjectReader(lexer, limits, violations, expectedNames).read("graph");
            violations.throwIfAny();
            lexer.next();
            List<String> nodes = new ArrayList<>();
            for (int id = 0; id < graph.nodeCount(); id++) {
                nodes.add(graph.name(id) + " " + graph.predecessorCount(id) + " " + graph.isDeclared(id) + " "
                        + Arrays.toString(graph.successors(id)));
            }
            return "graph " + nodes;
        } catch (InvalidFieldsException e) {
            return "InvalidFieldsException " + e.errors() + " " + e.truncated();
        } catch (GraphJsonSyntaxException | GraphTooLargeException e) {
            return e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }
}
