package dev.fnbundle.orders.runs;

/**
 * One node's status in a run.
 *
 * @param node                  the node's name
 * @param status                pending, ready (dispatched) or done
 * @param remainingDependencies dependency entries not yet done; 0 once ready or done
 */
public record NodeState(String node, NodeStatus status, int remainingDependencies) {
}
