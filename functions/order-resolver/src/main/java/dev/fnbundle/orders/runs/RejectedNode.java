package dev.fnbundle.orders.runs;

/**
 * A node that cannot be marked done now.
 *
 * @param node   the node's name
 * @param status {@link NodeStatus#PENDING} when it was never ready, {@link NodeStatus#DONE} when it is already
 *               done (or listed twice in one call)
 */
public record RejectedNode(String node, NodeStatus status) {
}
