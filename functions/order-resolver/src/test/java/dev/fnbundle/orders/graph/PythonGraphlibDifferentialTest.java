package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.common.testing.Python;
import dev.fnbundle.orders.testing.RandomGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random graphs (acyclic, cyclic, duplicate dependencies, repeated keys, self-dependencies) resolved by our core
 * and by python3's graphlib on the same JSON text; order, batches and cycle must be identical. The cyclic
 * components are checked against a plain Tarjan in the same script.
 */
class PythonGraphlibDifferentialTest {
    private static final String SCRIPT = """
            import json, sys
            from graphlib import TopologicalSorter, CycleError
            sys.setrecursionlimit(10000)

            def components(ts):
                nodes = list(ts._node2info)
                pos = {n: i for i, n in enumerate(nodes)}
                succ = {n: ts._node2info[n].successors for n in nodes}
                index, low, stack, on, out = {}, {}, [], set(), []
                def visit(v):
                    index[v] = low[v] = len(index); stack.append(v); on.add(v)
                    for w in succ[v]:
                        if w not in index:
                            visit(w); low[v] = min(low[v], low[w])
                        elif w in on:
                            low[v] = min(low[v], index[w])
                    if low[v] == index[v]:
                        comp = []
                        while True:
                            w = stack.pop(); on.discard(w); comp.append(w)
                            if w == v: break
                        if len(comp) > 1 or v in succ[v]:
                            out.append(sorted(comp, key=pos.get))
                for v in nodes:
                    if v not in index: visit(v)
                return sorted(out, key=lambda c: pos[c[0]])

            results = []
            for text in json.load(sys.stdin):
                graph = json.loads(text)
                try:
                    order = list(TopologicalSorter(graph).static_order())
                    ts = TopologicalSorter(graph); ts.prepare(); batches = []
                    while ts.is_active():
                        ready = ts.get_ready(); batches.append(list(ready)); ts.done(*ready)
                    results.append({"order": order, "batches": batches})
                except CycleError as e:
                    results.append({"cycle": e.args[1], "cycles": components(TopologicalSorter(graph))})
            print(json.dumps(results))
            """;

    private final GraphJsonReader reader = new GraphJsonReader();
    private final OrderResolver resolver = new OrderResolver();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void order_batches_and_cycle_equal_python_graphlib_on_random_graphs() throws Exception {
        // given
        Python.assumePython();
        Random random = new Random(3_110_7L);
        List<String> graphs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            graphs.add(RandomGraphs.graphJson(random, i % 3 == 0));
        }

        // when
        JsonNode expected = Python.json(SCRIPT, graphs);

        // then
        int cyclic = 0;
        for (int i = 0; i < graphs.size(); i++) {
            JsonNode python = expected.get(i);
            DependencyGraph graph = reader.readGraph(graphs.get(i));
            if (python.has("cycle")) {
                cyclic++;
                CycleDetectedException error = catchThrowableOfType(
                        CycleDetectedException.class, () -> resolver.resolve(graph));
                assertThat(error).as("graph %d: %s", i, graphs.get(i)).isNotNull();
                assertThat(error.cycle()).as("cycle of graph %d", i).isEqualTo(strings(python.get("cycle")));
                assertThat((JsonNode) json.valueToTree(error.cycles())).as("cycles of graph %d", i)
                        .isEqualTo(python.get("cycles"));
            } else {
                Resolution resolution = resolver.resolve(graph);
                assertThat(resolution.order()).as("order of graph %d", i).isEqualTo(strings(python.get("order")));
                assertThat((JsonNode) json.valueToTree(resolution.batches())).as("batches of graph %d", i)
                        .isEqualTo(python.get("batches"));
            }
        }
        assertThat(cyclic).as("the sample exercises cycles").isGreaterThan(50);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
