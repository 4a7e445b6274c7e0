package dev.fnbundle.orders.graph;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An immutable dependency graph in graphlib's layout: nodes are ids {@code 0..nodeCount()-1} in insertion order,
 * each with its predecessor count (duplicates counted) and its successors (the nodes that depend on it, in add
 * order, duplicates kept) stored in one compressed sparse row array.
 *
 * <p>Memory is about 4 bytes per node for counts, 4 per node for row offsets and 4 per dependency entry, beside
 * the names. Built by {@link GraphBuilder} or {@link GraphJsonReader}; safe to share between threads.
 */
public final class DependencyGraph {
    private final String[] names;
    private final NameInterner index;
    private final int[] predecessorCounts;
    private final int[] successorStart;
    private final int[] successors;
    private final BitSet declared;

    DependencyGraph(String[] names, NameInterner index, int[] predecessorCounts, int[] successorStart,
                    int[] successors, BitSet declared) {
        this.names = names;
        this.index = index;
        this.predecessorCounts = predecessorCounts;
        this.successorStart = successorStart;
        this.successors = successors;
        this.declared = declared;
    }

    /** The number of nodes, dependency-only nodes included. */
    public int nodeCount() {
        return names.length;
    }

    /** The number of dependency entries, duplicates included. */
    public int edgeCount() {
        return successors.length;
    }

    /** The name of node {@code id}; throws {@link IndexOutOfBoundsException} for an id outside the graph. */
    public String name(int id) {
        return names[id];
    }

    /** The id of {@code name}, or -1 when the graph has no such node. Expected O(1). */
    public int idOf(String name) {
        int id = index.find(name);
        return id < names.length ? id : -1;
    }

    /** All node names in insertion order; an unmodifiable view, not a copy. */
    public List<String> names() {
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return names[i];
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    /** How many dependency entries node {@code id} declared, duplicates counted (graphlib's npredecessors). */
    public int predecessorCount(int id) {
        return predecessorCounts[id];
    }

    /** The ids of the nodes that depend on node {@code id}, in add order with duplicates; a fresh copy. */
    public int[] successors(int id) {
        return Arrays.copyOfRange(successors, successorStart[id], successorStart[id + 1]);
    }

    /** Whether node {@code id} was added as a node (a key of the JSON object), not only named as a dependency. */
    public boolean isDeclared(int id) {
        return declared.get(id);
    }

    int[] predecessorCountArray() {
        return predecessorCounts;
    }

    int[] successorStartArray() {
        return successorStart;
    }

    int[] successorArray() {
        return successors;
    }

    String[] nameArray() {
        return names;
    }
}
