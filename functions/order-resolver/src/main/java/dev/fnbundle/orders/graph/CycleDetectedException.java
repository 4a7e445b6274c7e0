package dev.fnbundle.orders.graph;

import java.util.List;

/**
 * The graph has at least one cycle; meant for a 422.
 *
 * <p>{@link #cycle()} is exactly Python 3.11's {@code CycleError.args[1]} for the same input: nodes each of which
 * is a dependency of the next, first and last equal ({@code ["a", "a"]} for a self-dependency). {@link #cycles()}
 * lists every strongly connected component that holds a cycle, so all of them can be fixed in one pass. The
 * message holds only counts.
 */
public final class CycleDetectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> cycle;
    private final transient List<List<String>> cycles;

    public CycleDetectedException(List<String> cycle, List<List<String>> cycles) {
        super("the graph has " + cycles.size() + " cyclic component(s)");
        this.cycle = List.copyOf(cycle);
        this.cycles = cycles.stream().map(List::copyOf).toList();
    }

    /** Python's reported cycle; never empty. */
    public List<String> cycle() {
        return cycle;
    }

    /**
     * Every cyclic strongly connected component (two or more nodes, or one depending on itself). Components are
     * ordered by their earliest node in graph order; nodes within a component are in graph order.
     */
    public List<List<String>> cycles() {
        return cycles;
    }
}
