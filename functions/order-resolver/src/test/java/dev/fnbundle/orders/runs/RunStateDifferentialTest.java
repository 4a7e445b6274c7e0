package dev.fnbundle.orders.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.common.testing.Python;
import dev.fnbundle.orders.testing.RandomGraphs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random completion sequences (random subsets of the dispatched nodes, in random order) replayed against
 * python3's graphlib dynamic mode: after each {@code done(*nodes)}, {@code get_ready()} must equal what our
 * {@link RunState#done(List)} returned, and {@code is_active()} must agree.
 */
class RunStateDifferentialTest {
    private static final String SCRIPT = """
            import json, sys
            from graphlib import TopologicalSorter
            results = []
            for case in json.load(sys.stdin):
                ts = TopologicalSorter(json.loads(case["graph"]))
                ts.prepare()
                steps = [{"ready": list(ts.get_ready()), "active": ts.is_active()}]
                for nodes in case["calls"]:
                    ts.done(*nodes)
                    steps.append({"ready": list(ts.get_ready()), "active": ts.is_active()})
                results.append(steps)
            print(json.dumps(results))
            """;

    @Test
    void newly_ready_nodes_equal_python_get_ready_after_each_done_call() throws Exception {
        // given
        Python.assumePython();
        Random random = new Random(42L);
        GraphJsonReader reader = new GraphJsonReader();
        List<Map<String, Object>> cases = new ArrayList<>();
        List<List<List<String>>> oursPerCase = new ArrayList<>();
        List<List<Boolean>> activePerCase = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String graph = RandomGraphs.graphJson(random, true);
            RunPlan plan = RunPlan.of(reader.readGraph(graph), false);
            RunState run = new RunState(plan);
            List<String> dispatched = new ArrayList<>(plan.initialReady());
            List<List<String>> calls = new ArrayList<>();
            List<List<String>> ours = new ArrayList<>(List.of(plan.initialReady()));
            List<Boolean> active = new ArrayList<>(List.of(run.isActive()));
            while (!dispatched.isEmpty()) {
                Collections.shuffle(dispatched, random);
                List<String> call = new ArrayList<>(dispatched.subList(0, 1 + random.nextInt(dispatched.size())));
                dispatched.removeAll(call);
                calls.add(call);
                // when
                List<String> ready = run.done(call);
                ours.add(ready);
                active.add(run.isActive());
                dispatched.addAll(ready);
            }
            cases.add(Map.of("graph", graph, "calls", calls));
            oursPerCase.add(ours);
            activePerCase.add(active);
        }
        JsonNode python = Python.json(SCRIPT, cases);

        // then
        for (int i = 0; i < cases.size(); i++) {
            JsonNode steps = python.get(i);
            assertThat(steps.size()).isEqualTo(oursPerCase.get(i).size());
            for (int s = 0; s < steps.size(); s++) {
                List<String> expected = new ArrayList<>();
                steps.get(s).get("ready").forEach(node -> expected.add(node.asText()));
                assertThat(oursPerCase.get(i).get(s)).as("case %d step %d", i, s).isEqualTo(expected);
                assertThat(activePerCase.get(i).get(s)).isEqualTo(steps.get(s).get("active").asBoolean());
            }
        }
    }
}
