package dev.fnbundle.orders.runs;

import dev.fnbundle.orders.graph.DependencyGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The in-memory state of a durable run: graphlib's dynamic mode where every ready node is dispatched at once.
 *
 * <p>For any sequence of valid {@link #done(List)} calls, the returned nodes equal what graphlib's
 * {@code get_ready()} returns after the same {@code done(*nodes)} call. Unlike graphlib, an invalid call changes
 * nothing: all nodes are checked before any is applied. Not thread-safe; a store serializes access with
 * conditional writes instead.
 */
public final class RunState {
    private static final int READY = -1;
    private static final int DONE = -2;

    private final DependencyGraph graph;
    /** graphlib's npredecessors: a count while pending, then READY, then DONE. */
    private final int[] state;
    private int dispatched;
    private int finished;

    /** A run that has just started: {@link RunPlan#initialReady()} is dispatched. */
    public RunState(RunPlan plan) {
        graph = Objects.requireNonNull(plan, "plan").graph();
        state = new int[graph.nodeCount()];
        for (int id = 0; id < state.length; id++) {
            state[id] = graph.predecessorCount(id) == 0 ? READY : graph.predecessorCount(id);
        }
        dispatched = plan.initialReady().size();
    }

    /**
     * Marks {@code nodes} done, in order, and returns the nodes that became ready, in graphlib order. O(nodes
     * given + their successors).
     *
     * @throws UnknownRunNodeException when some names are not nodes of the run (nothing applied)
     * @throws NodeNotReadyException   when some nodes are pending, already done or listed twice (nothing applied)
     */
    public List<String> done(List<String> nodes) {
        int[] ids = validated(nodes);
        List<String> newlyReady = new ArrayList<>();
        for (int id : ids) {
            state[id] = DONE;
            finished++;
            for (int successor : graph.successors(id)) {
                if (--state[successor] == 0) {
                    state[successor] = READY;
                    newlyReady.add(graph.name(successor));
                }
            }
        }
        dispatched += newlyReady.size();
        return newlyReady;
    }

    /** Whether some dispatched node is not done yet (graphlib's {@code is_active()}). */
    public boolean isActive() {
        return finished < dispatched;
    }

    /**
     * The status of node {@code name}.
     *
     * @throws UnknownRunNodeException when the run has no such node
     */
    public NodeState state(String name) {
        int id = graph.idOf(name);
        if (id < 0) {
            throw new UnknownRunNodeException(List.of(name));
        }
        return stateOf(id);
    }

    /** Every node's status, in graph order. */
    public List<NodeState> states() {
        List<NodeState> states = new ArrayList<>(state.length);
        for (int id = 0; id < state.length; id++) {
            states.add(stateOf(id));
        }
        return states;
    }

    private NodeState stateOf(int id) {
        int value = state[id];
        if (value == READY) {
            return new NodeState(graph.name(id), NodeStatus.READY, 0);
        }
        if (value == DONE) {
            return new NodeState(graph.name(id), NodeStatus.DONE, 0);
        }
        return new NodeState(graph.name(id), NodeStatus.PENDING, value);
    }

    private int[] validated(List<String> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        Set<String> unknown = new LinkedHashSet<>();
        List<RejectedNode> rejected = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int[] ids = new int[nodes.size()];
        for (int i = 0; i < ids.length; i++) {
            String name = Objects.requireNonNull(nodes.get(i), "node");
            int id = graph.idOf(name);
            ids[i] = id;
            if (id < 0) {
                unknown.add(name);
            } else if (!seen.add(id) || state[id] == DONE) {
                rejected.add(new RejectedNode(name, NodeStatus.DONE));
            } else if (state[id] != READY) {
                rejected.add(new RejectedNode(name, NodeStatus.PENDING));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownRunNodeException(List.copyOf(unknown));
        }
        if (!rejected.isEmpty()) {
            throw new NodeNotReadyException(rejected);
        }
        return ids;
    }
}
