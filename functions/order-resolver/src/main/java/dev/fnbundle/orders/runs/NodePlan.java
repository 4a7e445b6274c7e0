package dev.fnbundle.orders.runs;

import java.util.List;

/**
 * What a store keeps per node of a run.
 *
 * @param node             the node's name
 * @param predecessorCount the initial remaining-dependencies counter; duplicates of one dependency count twice
 * @param successors       the nodes to decrement when this one is done, once per entry (duplicates kept), in the
 *                         order graphlib visits them
 */
public record NodePlan(String node, int predecessorCount, List<String> successors) {
    public NodePlan {
        successors = List.copyOf(successors);
    }
}
