package dev.fnbundle.orders.graph;

import java.util.List;

/**
 * A dependency that is not a node of the graph, in strict mode.
 *
 * @param dependency the missing node's name
 * @param requiredBy the nodes that list it, in graph order, each once
 */
public record UnknownDependency(String dependency, List<String> requiredBy) {
    public UnknownDependency {
        requiredBy = List.copyOf(requiredBy);
    }
}
