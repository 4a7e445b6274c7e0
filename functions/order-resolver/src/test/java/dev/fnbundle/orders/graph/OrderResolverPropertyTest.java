package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.orders.testing.RandomGraphs;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants of every resolution of a random DAG, independent of Python. */
class OrderResolverPropertyTest {
    private final GraphJsonReader reader = new GraphJsonReader();
    private final OrderResolver resolver = new OrderResolver();

    @Test
    void every_node_appears_once_and_after_all_its_dependencies() {
        Random random = new Random(20_240_201L);
        for (int run = 0; run < 500; run++) {
            // given
            DependencyGraph graph = reader.readGraph(RandomGraphs.graphJson(random, true));

            // when
            Resolution resolution = resolver.resolve(graph);

            // then
            Map<String, Integer> position = positions(resolution.order());
            assertThat(position).hasSize(graph.nodeCount());
            for (int node = 0; node < graph.nodeCount(); node++) {
                for (int dependent : graph.successors(node)) {
                    assertThat(position.get(graph.name(node))).isLessThan(position.get(graph.name(dependent)));
                }
            }
        }
    }

    @Test
    void batches_are_antichains_that_concatenate_to_the_order() {
        Random random = new Random(77L);
        for (int run = 0; run < 500; run++) {
            // given
            DependencyGraph graph = reader.readGraph(RandomGraphs.graphJson(random, true));

            // when
            Resolution resolution = resolver.resolve(graph);

            // then
            assertThat(resolution.batches().stream().flatMap(List::stream).toList())
                    .isEqualTo(resolution.order());
            for (List<String> batch : resolution.batches()) {
                assertThat(batch).isNotEmpty();
                Set<String> members = new HashSet<>(batch);
                for (String node : batch) {
                    for (int dependent : graph.successors(graph.idOf(node))) {
                        assertThat(members).doesNotContain(graph.name(dependent));
                    }
                }
            }
        }
    }

    @Test
    void each_batch_after_the_first_needs_the_batch_before_it() {
        Random random = new Random(5L);
        for (int run = 0; run < 200; run++) {
            DependencyGraph graph = reader.readGraph(RandomGraphs.graphJson(random, true));
            List<List<String>> batches = resolver.resolve(graph).batches();
            for (int b = 1; b < batches.size(); b++) {
                Set<String> previous = new HashSet<>(batches.get(b - 1));
                for (String node : batches.get(b)) {
                    boolean needsPrevious = false;
                    for (int dependency = 0; dependency < graph.nodeCount(); dependency++) {
                        for (int dependent : graph.successors(dependency)) {
                            needsPrevious |= graph.name(dependent).equals(node)
                                    && previous.contains(graph.name(dependency));
                        }
                    }
                    assertThat(needsPrevious).as("%s in batch %d", node, b).isTrue();
                }
            }
        }
    }

    private static Map<String, Integer> positions(List<String> order) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        return position;
    }
}
