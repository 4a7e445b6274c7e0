package dev.fnbundle.orders.aws;

import dev.fnbundle.common.aws.DynamoBatches;
import dev.fnbundle.orders.runs.NodeNotReadyException;
import dev.fnbundle.orders.runs.NodePlan;
import dev.fnbundle.orders.runs.NodeStatus;
import dev.fnbundle.orders.runs.RejectedNode;
import dev.fnbundle.orders.runs.RunNotFoundException;
import dev.fnbundle.orders.runs.RunPlan;
import dev.fnbundle.orders.runs.RunSnapshot;
import dev.fnbundle.orders.runs.RunStore;
import dev.fnbundle.orders.runs.UnknownRunNodeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Durable runs in the orders table: a header item per run ({@code RUN#id} / {@code #RUN}) and one item per node
 * ({@code RUN#id} / {@code NODE#<hash of name>}) holding its status, its remaining-dependency counter, its
 * successors in graph order and the dependencies already counted.
 *
 * <p>Exactly-once dispatch rests on two conditional writes, never on read-then-write: a dependency's decrement
 * of a node applies only if that dependency is not yet in the node's {@code doneDeps} set (so a retry never counts
 * it twice), and the PENDING-to-READY transition applies only while the node is PENDING with nothing remaining
 * (so of all racing callers exactly one wins it, and that caller dispatches). A node's completion is marked
 * {@code applied} only after its successors were dispatched, so a crash anywhere in between is repaired by
 * completing the node again; a READY node whose dispatcher crashed is re-dispatched once its dispatch lease runs
 * out.
 *
 * <p>Every item carries the table's {@code ttl}, and TTL deletes a run's items one by one, in no order, at any
 * time after it — also in the middle of a completion. An update of a missing item would create it with just the
 * updated attributes and no {@code ttl}: a fragment that never expires and that breaks every later read of the
 * run. So every update is conditional on its item existing, and a missing item means the run expired:
 * {@link RunNotFoundException}.
 */
public final class DynamoRunStore implements RunStore {
    /** The guard of every update: DynamoDB would otherwise create a missing item (see the class comment). */
    private static final String EXISTS = "attribute_exists(pk)";
    /** The cancellation reason of a transaction's item whose condition failed. */
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final DynamoBatches batches;
    private final String table;
    private final Duration retention;
    private final Duration dispatchLease;
    private final RunItems items = new RunItems();

    /**
     * @param retention     how long a run is kept before the table's TTL removes it
     * @param dispatchLease how long a READY node's dispatch may take before another caller may redo it
     */
    public DynamoRunStore(DynamoDbClient dynamo, String table, Duration retention, Duration dispatchLease) {
        this.dynamo = dynamo;
        this.batches = new DynamoBatches(dynamo);
        this.table = table;
        this.retention = retention;
        this.dispatchLease = dispatchLease;
    }

    @Override
    public void create(String runId, RunPlan plan, boolean autoComplete, Instant now) {
        long ttl = now.plus(retention).getEpochSecond();
        var puts = new ArrayList<WriteRequest>(plan.nodeCount());
        int position = 0;
        for (NodePlan node : plan.nodes()) {
            var item = items.node(runId, node, position++, now, dispatchLease, ttl);
            puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        batches.writeAll(table, puts);
        // The header goes last: a run is visible only once all its nodes are stored.
        dynamo.putItem(b -> b.tableName(table).item(items.header(runId, plan.nodeCount(), autoComplete, now, ttl))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Progress complete(String runId, List<String> nodes, Instant now) {
        Map<String, AttributeValue> header = header(runId);
        Map<String, Map<String, AttributeValue>> current = loadAndCheck(runId, nodes);
        var ready = new ArrayList<String>();
        var settled = new ArrayList<String>();
        Instant inFlightUntil = null;
        for (String node : nodes) {
            Map<String, AttributeValue> item = current.get(node);
            if (NodeStatus.READY.name().equals(item.get("status").s())) {
                markDone(runId, node, now);
            }
            boolean nodeSettled = true;
            for (var successor : RunItems.multiplicities(RunItems.successors(item)).entrySet()) {
                Count count = countDependency(runId, node, successor.getKey(), successor.getValue(), now);
                if (count.outcome() == Outcome.CLAIMED) {
                    ready.add(successor.getKey());
                } else if (count.outcome() == Outcome.IN_FLIGHT) {
                    nodeSettled = false;
                    inFlightUntil = inFlightUntil == null || count.leaseUntil().isAfter(inFlightUntil)
                            ? count.leaseUntil() : inFlightUntil;
                }
            }
            if (nodeSettled) {
                settled.add(node);
            }
        }
        return new Progress(ready, settled, header.get("autoComplete").bool(), inFlightUntil);
    }

    @Override
    public boolean finish(String runId, List<String> nodes, List<String> dispatched, Instant now) {
        markDispatched(runId, dispatched, now);
        nodes.forEach(node -> finishCompletion(runId, node));
        Map<String, AttributeValue> header = header(runId);
        return Integer.parseInt(header.get("doneCount").n()) < Integer.parseInt(header.get("nodeCount").n());
    }

    @Override
    public void dispatched(String runId, List<String> nodes, Instant now) {
        markDispatched(runId, nodes, now);
    }

    @Override
    public Optional<RunSnapshot> find(String runId) {
        var all = dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RunItems.partition(runId)))))
                .items().stream().toList();
        return items.snapshot(runId, all);
    }

    /** Marks a node's completion applied and counts it in the header, together or not at all. */
    private void finishCompletion(String runId, String node) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.update(u -> u.tableName(table).key(items.nodeKey(runId, node))
                            .updateExpression("SET applied = :true")
                            .conditionExpression("#status = :done AND applied = :false")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                                    ":false", AttributeValue.fromBool(false),
                                    ":done", AttributeValue.fromS(NodeStatus.DONE.name())))),
                    t -> t.update(u -> u.tableName(table).key(items.headerKey(runId))
                            .updateExpression("ADD doneCount :one")
                            .conditionExpression(EXISTS)
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
        } catch (TransactionCanceledException e) {
            if (failed(e, 1)) {
                throw new RunNotFoundException(runId);
            }
            if (!failed(e, 0)) {
                // A conflict with a concurrent transaction, or throttling: the completion is not finished, and
                // saying so lets the caller repeat it (which finishes it) instead of losing the count for good.
                throw e;
            }
            // Another caller finished this node's completion first.
        }
    }

    /** Whether the condition of the transaction's item {@code index} is what cancelled it. */
    private static boolean failed(TransactionCanceledException e, int index) {
        var reasons = e.cancellationReasons();
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private Map<String, AttributeValue> header(String runId) {
        var header = dynamo.getItem(b -> b.tableName(table).key(items.headerKey(runId)).consistentRead(true))
                .item();
        if (header == null || header.isEmpty()) {
            throw new RunNotFoundException(runId);
        }
        return header;
    }

    /** Reads the named nodes and refuses the whole call, changing nothing, if any cannot be completed. */
    private Map<String, Map<String, AttributeValue>> loadAndCheck(String runId, List<String> nodes) {
        var keys = nodes.stream().distinct().map(node -> items.nodeKey(runId, node)).toList();
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        batches.getAll(table, keys, true).forEach(item -> found.put(item.get("node").s(), item));
        var unknown = nodes.stream().filter(n -> !found.containsKey(n)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownRunNodeException(unknown);
        }
        var rejected = new ArrayList<RejectedNode>();
        Set<String> seen = new HashSet<>();
        for (String node : nodes) {
            Map<String, AttributeValue> item = found.get(node);
            String status = item.get("status").s();
            if (!seen.add(node)) {
                rejected.add(new RejectedNode(node, NodeStatus.DONE));
            } else if (status.equals(NodeStatus.PENDING.name())) {
                rejected.add(new RejectedNode(node, NodeStatus.PENDING));
            } else if (status.equals(NodeStatus.DONE.name()) && item.get("applied").bool()) {
                rejected.add(new RejectedNode(node, NodeStatus.DONE));
            }
        }
        if (!rejected.isEmpty()) {
            throw new NodeNotReadyException(rejected);
        }
        return found;
    }

    private void markDone(String runId, String node, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(items.nodeKey(runId, node))
                    .updateExpression("SET #status = :done, applied = :false, doneAt = :now")
                    .conditionExpression("#status = :ready")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":done", AttributeValue.fromS(NodeStatus.DONE.name()),
                            ":ready", AttributeValue.fromS(NodeStatus.READY.name()),
                            ":false", AttributeValue.fromBool(false),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
        } catch (ConditionalCheckFailedException e) {
            // A racing call marked it done first; completing its successors again is idempotent.
        }
    }

    /** What counting one dependency means for the dependent node. */
    private enum Outcome {
        /** The node still waits for other dependencies, or it was dispatched already. */
        SETTLED,
        /** This call made the node READY (or took over an abandoned dispatch): it must dispatch it. */
        CLAIMED,
        /** The node is READY and another caller's dispatch of it is still within its lease. */
        IN_FLIGHT
    }

    /** An outcome, with the lease's end for IN_FLIGHT (null otherwise). */
    private record Count(Outcome outcome, Instant leaseUntil) {
        static final Count SETTLED = new Count(Outcome.SETTLED, null);
        static final Count CLAIMED = new Count(Outcome.CLAIMED, null);
    }

    /**
     * Counts {@code dependency} as done for {@code node} ({@code times} times, for repeated dependencies) and
     * says whether this call must dispatch {@code node}.
     */
    private Count countDependency(String runId, String dependency, String node, int times, Instant now) {
        Map<String, AttributeValue> after;
        try {
            after = dynamo.updateItem(b -> b.tableName(table).key(items.nodeKey(runId, node))
                    .updateExpression("SET remaining = remaining - :times ADD doneDeps :dependency")
                    .conditionExpression(EXISTS
                            + " AND (attribute_not_exists(doneDeps) OR NOT contains(doneDeps, :hash))")
                    .expressionAttributeValues(Map.of(":times", AttributeValue.fromN(Integer.toString(times)),
                            ":dependency", AttributeValue.fromSs(List.of(RunItems.hash(dependency))),
                            ":hash", AttributeValue.fromS(RunItems.hash(dependency))))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException e) {
            after = node(runId, node);
        }
        if (Integer.parseInt(after.get("remaining").n()) != 0) {
            return Count.SETTLED;
        }
        if (claimDispatch(runId, node, after, now)) {
            return Count.CLAIMED;
        }
        var latest = node(runId, node);
        return NodeStatus.READY.name().equals(latest.get("status").s()) && !latest.containsKey("dispatchedAt")
                ? new Count(Outcome.IN_FLIGHT, Instant.ofEpochMilli(Long.parseLong(latest.get("leaseUntil").n())))
                : Count.SETTLED;
    }

    /** A node's item, read strongly consistent; a missing one means the run expired. */
    private Map<String, AttributeValue> node(String runId, String node) {
        var item = dynamo.getItem(b -> b.tableName(table).key(items.nodeKey(runId, node)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            throw new RunNotFoundException(runId);
        }
        return item;
    }

    /** The gate: exactly one caller turns a node READY, or takes over a dispatch whose lease ran out. */
    private boolean claimDispatch(String runId, String node, Map<String, AttributeValue> item, Instant now) {
        String status = item.get("status").s();
        boolean abandoned = status.equals(NodeStatus.READY.name()) && !item.containsKey("dispatchedAt")
                && Long.parseLong(item.get("leaseUntil").n()) < now.toEpochMilli();
        if (!status.equals(NodeStatus.PENDING.name()) && !abandoned) {
            return false;
        }
        var values = new LinkedHashMap<String, AttributeValue>();
        values.put(":ready", AttributeValue.fromS(NodeStatus.READY.name()));
        values.put(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        values.put(":lease", AttributeValue.fromN(Long.toString(now.plus(dispatchLease).toEpochMilli())));
        String condition;
        if (abandoned) {
            values.put(":previous", item.get("leaseUntil"));
            condition = "#status = :ready AND attribute_not_exists(dispatchedAt) AND leaseUntil = :previous";
        } else {
            values.put(":pending", AttributeValue.fromS(NodeStatus.PENDING.name()));
            values.put(":zero", AttributeValue.fromN("0"));
            condition = "#status = :pending AND remaining = :zero";
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(items.nodeKey(runId, node))
                    .updateExpression("SET #status = :ready, readyAt = :now, leaseUntil = :lease")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void markDispatched(String runId, List<String> nodes, Instant now) {
        for (String node : nodes) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(items.nodeKey(runId, node))
                        .updateExpression("SET dispatchedAt = :now ADD dispatchCount :one")
                        .conditionExpression(EXISTS)
                        .expressionAttributeValues(Map.of(
                                ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                                ":one", AttributeValue.fromN("1"))));
            } catch (ConditionalCheckFailedException e) {
                throw new RunNotFoundException(runId);
            }
        }
    }
}
