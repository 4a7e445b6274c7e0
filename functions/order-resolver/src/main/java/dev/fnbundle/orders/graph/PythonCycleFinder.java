package dev.fnbundle.orders.graph;

import java.util.Arrays;

/**
 * A port of graphlib's {@code TopologicalSorter._find_cycle}: an iterative depth-first search along successors,
 * roots in node order, that returns the first cycle closed by an edge back into the current path. Keeping its
 * exact visiting order is what makes the reported cycle equal to Python's {@code CycleError.args[1]}.
 */
final class PythonCycleFinder {
    private PythonCycleFinder() {
    }

    /** The cycle as node ids, first and last equal; null when the graph is acyclic. O(nodes + edges). */
    static int[] find(DependencyGraph graph) {
        int n = graph.nodeCount();
        int[] starts = graph.successorStartArray();
        int[] successors = graph.successorArray();
        boolean[] seen = new boolean[n];
        int[] stackIndex = new int[n];
        Arrays.fill(stackIndex, -1);
        int[] stack = new int[n];
        int[] nextEdge = new int[n];
        int depth = 0;
        for (int root = 0; root < n; root++) {
            if (seen[root]) {
                continue;
            }
            int node = root;
            while (true) {
                if (seen[node]) {
                    if (stackIndex[node] >= 0) {
                        int[] cycle = Arrays.copyOfRange(stack, stackIndex[node], depth + 1);
                        cycle[cycle.length - 1] = node;
                        return cycle;
                    }
                } else {
                    seen[node] = true;
                    nextEdge[depth] = starts[node];
                    stackIndex[node] = depth;
                    stack[depth++] = node;
                }
                boolean advanced = false;
                while (depth > 0) {
                    int top = stack[depth - 1];
                    if (nextEdge[depth - 1] < starts[top + 1]) {
                        node = successors[nextEdge[depth - 1]++];
                        advanced = true;
                        break;
                    }
                    stackIndex[top] = -1;
                    depth--;
                }
                if (!advanced) {
                    break;
                }
            }
        }
        return null;
    }
}
