package dev.fnbundle.orders.runs;

import dev.fnbundle.orders.graph.CycleDetectedException;
import dev.fnbundle.orders.graph.DependencyGraph;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.graph.UnknownDependenciesException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The immutable start of a durable run: graphlib's {@code prepare()} plus what a store needs to continue it.
 *
 * <p>Each node has a remaining-dependencies counter starting at {@link NodePlan#predecessorCount()}. Marking a node
 * done decrements the counter of each of its successors (one decrement per entry); the single decrement that
 * brings a counter to zero dispatches that node. With a conditional write per decrement, two racing completions
 * can never both dispatch a node. {@link #initialReady()} equals graphlib's first {@code get_ready()}.
 */
public final class RunPlan {
    private final DependencyGraph graph;
    private final List<String> initialReady;

    private RunPlan(DependencyGraph graph, List<String> initialReady) {
        this.graph = graph;
        this.initialReady = initialReady;
    }

    /**
     * Plans a run of {@code graph}. Unlike graphlib, a cyclic graph is refused outright: a run that can never
     * finish is not worth starting. O(nodes + edges).
     *
     * @param strict as for {@link OrderResolver#resolve(DependencyGraph, boolean)}
     * @throws CycleDetectedException       when the graph has a cycle
     * @throws UnknownDependenciesException in strict mode, for dependencies that are not declared nodes
     */
    public static RunPlan of(DependencyGraph graph, boolean strict) {
        Objects.requireNonNull(graph, "graph");
        var resolution = new OrderResolver().resolve(graph, strict);
        List<String> first = resolution.batches().isEmpty() ? List.of() : List.copyOf(resolution.batches().get(0));
        return new RunPlan(graph, first);
    }

    /** The graph the run follows. */
    public DependencyGraph graph() {
        return graph;
    }

    /** The nodes dispatched when the run starts, in graphlib order. */
    public List<String> initialReady() {
        return initialReady;
    }

    /** The number of nodes in the run. */
    public int nodeCount() {
        return graph.nodeCount();
    }

    /** Per-node plans in graph order; a view that builds each entry on access. */
    public List<NodePlan> nodes() {
        return new AbstractList<>() {
            @Override
            public NodePlan get(int id) {
                return plan(id);
            }

            @Override
            public int size() {
                return graph.nodeCount();
            }
        };
    }

    /**
     * The plan of node {@code name}.
     *
     * @throws UnknownRunNodeException when the run has no such node
     */
    public NodePlan node(String name) {
        int id = graph.idOf(name);
        if (id < 0) {
            throw new UnknownRunNodeException(List.of(name));
        }
        return plan(id);
    }

    private NodePlan plan(int id) {
        int[] successorIds = graph.successors(id);
        List<String> successors = new ArrayList<>(successorIds.length);
        for (int successor : successorIds) {
            successors.add(graph.name(successor));
        }
        return new NodePlan(graph.name(id), graph.predecessorCount(id), successors);
    }
}
