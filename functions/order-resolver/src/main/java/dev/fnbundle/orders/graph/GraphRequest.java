package dev.fnbundle.orders.graph;

import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code {"graph": {...}, "strict": false, ...}} body.
 *
 * @param graph   the graph, never null
 * @param strict  whether dependencies that are not keys of the graph are errors instead of nodes
 * @param options the endpoint's extra boolean fields that the body set (absent ones are not in the map)
 */
public record GraphRequest(DependencyGraph graph, boolean strict, Map<String, Boolean> options) {
    public GraphRequest {
        Objects.requireNonNull(graph, "graph");
        options = Map.copyOf(options);
    }

    /** The value of a boolean option, or {@code fallback} when the body did not set it. */
    public boolean option(String name, boolean fallback) {
        return options.getOrDefault(name, fallback);
    }
}
