package dev.fnbundle.orders.graph;

/**
 * Limits applied while reading a graph from untrusted JSON.
 *
 * @param maxNodes         distinct node names accepted, dependency-only nodes included (413 past it)
 * @param maxDependencies  dependency entries accepted over all nodes, duplicates included (413 past it)
 * @param maxNameLength    characters in one node name (a 400 field violation past it)
 * @param maxViolations    field violations collected before reading stops
 */
public record GraphLimits(int maxNodes, int maxDependencies, int maxNameLength, int maxViolations) {
    /** 100 000 nodes, 1 000 000 dependency entries, names up to 1 000 characters, 100 violations reported. */
    public static final GraphLimits DEFAULT = new GraphLimits(100_000, 1_000_000, 1_000, 100);

    public GraphLimits {
        if (maxNodes < 1 || maxDependencies < 0 || maxNameLength < 1 || maxViolations < 1) {
            throw new IllegalArgumentException("graph limits must be positive");
        }
    }

    /** These limits with another node limit. */
    public GraphLimits withMaxNodes(int nodes) {
        return new GraphLimits(nodes, maxDependencies, maxNameLength, maxViolations);
    }

    /** These limits with another dependency-entry limit. */
    public GraphLimits withMaxDependencies(int dependencies) {
        return new GraphLimits(maxNodes, dependencies, maxNameLength, maxViolations);
    }
}
