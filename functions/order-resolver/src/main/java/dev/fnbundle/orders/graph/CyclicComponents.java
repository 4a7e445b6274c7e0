package dev.fnbundle.orders.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Tarjan's strongly connected components, iterative (graphs reach a million nodes, recursion would overflow),
 * restricted to the nodes a topological sort could not emit: they are closed under successors and hold every
 * cycle.
 */
final class CyclicComponents {
    private CyclicComponents() {
    }

    /**
     * The components with a cycle (two or more nodes, or one with a self-loop) among {@code blocked} nodes, each
     * sorted by node id, ordered by their smallest id. O(nodes + edges).
     */
    static List<int[]> find(DependencyGraph graph, boolean[] blocked) {
        int n = graph.nodeCount();
        int[] starts = graph.successorStartArray();
        int[] successors = graph.successorArray();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int stackSize = 0;
        int counter = 0;
        List<int[]> components = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (!blocked[root] || index[root] >= 0) {
                continue;
            }
            int calls = 0;
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            callNode[calls] = root;
            callEdge[calls++] = starts[root];
            while (calls > 0) {
                int v = callNode[calls - 1];
                if (callEdge[calls - 1] < starts[v + 1]) {
                    int w = successors[callEdge[calls - 1]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        callNode[calls] = w;
                        callEdge[calls++] = starts[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                calls--;
                if (calls > 0) {
                    int parent = callNode[calls - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int bottom = stackSize;
                    do {
                        onStack[stack[--bottom]] = false;
                    } while (stack[bottom] != v);
                    int[] component = Arrays.copyOfRange(stack, bottom, stackSize);
                    stackSize = bottom;
                    if (component.length > 1 || hasSelfLoop(v, starts, successors)) {
                        Arrays.sort(component);
                        components.add(component);
                    }
                }
            }
        }
        components.sort(Comparator.comparingInt(component -> component[0]));
        return components;
    }

    private static boolean hasSelfLoop(int node, int[] starts, int[] successors) {
        for (int e = starts[node]; e < starts[node + 1]; e++) {
            if (successors[e] == node) {
                return true;
            }
        }
        return false;
    }
}
