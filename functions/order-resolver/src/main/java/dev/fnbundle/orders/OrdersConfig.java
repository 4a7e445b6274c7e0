package dev.fnbundle.orders;

import dev.fnbundle.common.config.Env;

/**
 * The order-resolver's settings, read once at init from the variables the template sets.
 *
 * @param table        ORDERS_TABLE: runs and idempotency records
 * @param taskQueueUrl RUN_TASK_QUEUE_URL: one message per ready node of a run
 * @param maxRunNodes  RUN_MAX_NODES (default 10 000): a durable run stores one item per node
 */
public record OrdersConfig(String table, String taskQueueUrl, int maxRunNodes) {
    public static OrdersConfig from(Env env) {
        return new OrdersConfig(env.required("ORDERS_TABLE"), env.required("RUN_TASK_QUEUE_URL"),
                env.integer("RUN_MAX_NODES", 10_000));
    }
}
