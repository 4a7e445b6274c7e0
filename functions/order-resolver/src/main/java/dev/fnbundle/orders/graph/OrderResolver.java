package dev.fnbundle.orders.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orders a {@link DependencyGraph} exactly as Python 3.11's {@code graphlib.TopologicalSorter} does.
 *
 * <p>Kahn's algorithm with graphlib's bookkeeping: the first batch is every node without predecessors in node
 * order; marking a batch done walks each node's successors in add order and appends those whose count reaches
 * zero. The cycle search runs only when some node was never emitted (an acyclic graph has none), then reports
 * Python's cycle and every cyclic component. Stateless and thread-safe; O(nodes + edges) time, three int arrays
 * of nodes in memory.
 */
public final class OrderResolver {

    /** Like {@link #resolve(DependencyGraph, boolean)} without strict mode. */
    public Resolution resolve(DependencyGraph graph) {
        return resolve(graph, false);
    }

    /**
     * Resolves the graph.
     *
     * @param strict when true, a dependency that is not a declared node is an error instead of a node
     * @throws UnknownDependenciesException in strict mode, listing every undeclared dependency (checked first)
     * @throws CycleDetectedException       when the graph has a cycle
     */
    public Resolution resolve(DependencyGraph graph, boolean strict) {
        if (strict) {
            requireDeclared(graph);
        }
        int n = graph.nodeCount();
        int[] remaining = graph.predecessorCountArray().clone();
        int[] starts = graph.successorStartArray();
        int[] successors = graph.successorArray();
        int[] order = new int[n];
        int emitted = 0;
        for (int node = 0; node < n; node++) {
            if (remaining[node] == 0) {
                order[emitted++] = node;
            }
        }
        int[] batchEnds = new int[Math.max(1, n)];
        int batches = 0;
        for (int batchStart = 0; batchStart < emitted; ) {
            int batchEnd = emitted;
            batchEnds[batches++] = batchEnd;
            for (int k = batchStart; k < batchEnd; k++) {
                int node = order[k];
                for (int e = starts[node], end = starts[node + 1]; e < end; e++) {
                    if (--remaining[successors[e]] == 0) {
                        order[emitted++] = successors[e];
                    }
                }
            }
            batchStart = batchEnd;
        }
        if (emitted < n) {
            throw cycleError(graph, remaining);
        }
        return Resolution.of(graph.nameArray(), order, Arrays.copyOf(batchEnds, batches), batches);
    }

    private static CycleDetectedException cycleError(DependencyGraph graph, int[] remaining) {
        int[] cycle = PythonCycleFinder.find(graph);
        boolean[] blocked = new boolean[graph.nodeCount()];
        for (int node = 0; node < blocked.length; node++) {
            blocked[node] = remaining[node] > 0;
        }
        List<List<String>> components = new ArrayList<>();
        for (int[] component : CyclicComponents.find(graph, blocked)) {
            components.add(names(graph, component));
        }
        return new CycleDetectedException(names(graph, cycle), components);
    }

    private static void requireDeclared(DependencyGraph graph) {
        List<UnknownDependency> unknown = new ArrayList<>();
        int[] starts = graph.successorStartArray();
        int[] successors = graph.successorArray();
        for (int node = 0; node < graph.nodeCount(); node++) {
            if (graph.isDeclared(node)) {
                continue;
            }
            int[] dependents = Arrays.stream(successors, starts[node], starts[node + 1]).distinct().toArray();
            unknown.add(new UnknownDependency(graph.name(node), names(graph, dependents)));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownDependenciesException(unknown);
        }
    }

    private static List<String> names(DependencyGraph graph, int[] ids) {
        return List.copyOf(new NameList(graph.nameArray(), ids, 0, ids.length));
    }
}
