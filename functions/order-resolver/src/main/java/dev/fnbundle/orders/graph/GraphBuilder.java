package dev.fnbundle.orders.graph;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link DependencyGraph} the way graphlib's {@code TopologicalSorter.add} builds its working graph.
 *
 * <p>{@code add(node, dependencies...)} registers the node, then each dependency in order, so node ids follow
 * graphlib's {@code _node2info} insertion order; each dependency gains {@code node} as a successor and the node's
 * predecessor count grows by the number of dependencies, duplicates counted twice. Calling {@code add} again for
 * the same node adds to its dependencies, as graphlib does. Not thread-safe; one builder builds one graph.
 */
public final class GraphBuilder {
    private final NameInterner names;
    private final IntArrayList addNodes;
    private final IntArrayList addEnds;
    private final IntArrayList dependencies;
    private boolean built;

    /** An empty builder. */
    public GraphBuilder() {
        this(16, 16);
    }

    GraphBuilder(int expectedNodes, int expectedDependencies) {
        names = new NameInterner(expectedNodes);
        addNodes = new IntArrayList(expectedNodes);
        addEnds = new IntArrayList(expectedNodes);
        dependencies = new IntArrayList(expectedDependencies);
    }

    /**
     * Adds {@code node} and the nodes it depends on, like graphlib's {@code add(node, *predecessors)}.
     *
     * @throws NullPointerException if {@code node}, the array or one of its elements is null
     */
    public GraphBuilder add(String node, String... dependsOn) {
        return add(node, List.of(dependsOn));
    }

    /**
     * Adds {@code node} and the nodes it depends on, in list order.
     *
     * @throws NullPointerException if {@code node}, the list or one of its elements is null
     * @throws IllegalStateException after {@link #build()}, like graphlib's add after prepare
     */
    public GraphBuilder add(String node, List<String> dependsOn) {
        requireNotBuilt();
        int nodeId = names.intern(Objects.requireNonNull(node, "node"));
        for (String dependency : dependsOn) {
            dependencies.add(names.intern(Objects.requireNonNull(dependency, "dependency of " + nodeId)));
        }
        addNodes.add(nodeId);
        addEnds.add(dependencies.size());
        return this;
    }

    /** The number of distinct nodes so far, dependencies included. */
    public int nodeCount() {
        return names.size();
    }

    /** The number of dependency entries so far, duplicates included. */
    public int dependencyCount() {
        return dependencies.size();
    }

    NameInterner names() {
        return names;
    }

    /**
     * Records an add whose names the caller interned through {@link #names()}, in graphlib's order: node
     * {@code nodeId} depends on {@code ids[from, to)}.
     */
    void addInterned(int nodeId, int[] ids, int from, int to) {
        requireNotBuilt();
        dependencies.addAll(ids, from, to);
        addNodes.add(nodeId);
        addEnds.add(dependencies.size());
    }

    /** Appends one dependency, by id, of the add that {@link #endAdd(int)} will close. */
    void addDependency(int id) {
        dependencies.add(id);
    }

    /** Closes an add whose dependencies came through {@link #addDependency(int)}: node {@code nodeId}'s. */
    void endAdd(int nodeId) {
        requireNotBuilt();
        addNodes.add(nodeId);
        addEnds.add(dependencies.size());
    }

    /** Drops the dependencies appended since {@link #dependencyCount()} was {@code count}. */
    void dropDependenciesFrom(int count) {
        dependencies.truncate(count);
    }

    /**
     * A builder holding Python dict semantics of these adds: each node keeps the position of its first add and the
     * dependencies of its last one, as {@code json.loads} does for a repeated key. Names that only occurred in
     * replaced dependency lists disappear and ids are reassigned in graphlib's order.
     */
    GraphBuilder withLastAddPerNode() {
        int[] lastAdd = new int[names.size()];
        for (int add = 0; add < addNodes.size(); add++) {
            lastAdd[addNodes.get(add)] = add;
        }
        GraphBuilder rebuilt = new GraphBuilder(names.size(), dependencies.size());
        BitSet emitted = new BitSet(names.size());
        String[] deps = new String[0];
        for (int add = 0; add < addNodes.size(); add++) {
            int node = addNodes.get(add);
            if (emitted.get(node)) {
                continue;
            }
            emitted.set(node);
            int last = lastAdd[node];
            int start = last == 0 ? 0 : addEnds.get(last - 1);
            int end = addEnds.get(last);
            if (deps.length != end - start) {
                deps = new String[end - start];
            }
            for (int i = start; i < end; i++) {
                deps[i - start] = names.name(dependencies.get(i));
            }
            rebuilt.add(names.name(node), deps);
        }
        return rebuilt;
    }

    /**
     * The immutable graph: successor lists in add order, predecessor counts with duplicates. O(nodes + edges).
     *
     * @throws IllegalStateException when called twice; the graph shares the builder's name index
     */
    public DependencyGraph build() {
        requireNotBuilt();
        built = true;
        int nodeCount = names.size();
        int edgeCount = dependencies.size();
        int[] predecessorCounts = new int[nodeCount];
        int[] successorStart = new int[nodeCount + 1];
        long[] declared = new long[(nodeCount >> 6) + 1];
        int[] deps = dependencies.array();
        int start = 0;
        for (int add = 0; add < addNodes.size(); add++) {
            int node = addNodes.get(add);
            int end = addEnds.get(add);
            declared[node >> 6] |= 1L << node;
            predecessorCounts[node] += end - start;
            for (int i = start; i < end; i++) {
                successorStart[deps[i] + 1]++;
            }
            start = end;
        }
        for (int node = 0; node < nodeCount; node++) {
            successorStart[node + 1] += successorStart[node];
        }
        int[] fill = Arrays.copyOf(successorStart, nodeCount);
        int[] successors = new int[edgeCount];
        start = 0;
        for (int add = 0; add < addNodes.size(); add++) {
            int node = addNodes.get(add);
            int end = addEnds.get(add);
            for (int i = start; i < end; i++) {
                successors[fill[deps[i]]++] = node;
            }
            start = end;
        }
        return new DependencyGraph(names.namesInOrder(), names, predecessorCounts, successorStart, successors,
                BitSet.valueOf(declared));
    }

    private void requireNotBuilt() {
        if (built) {
            throw new IllegalStateException("the graph was already built; nodes cannot be added after build()");
        }
    }
}
