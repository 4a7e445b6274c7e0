package dev.fnbundle.orders.aws;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.orders.runs.NodePlan;
import dev.fnbundle.orders.runs.NodeStatus;
import dev.fnbundle.orders.runs.RunSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of runs in the orders table. Node names can be up to 1 000 characters, longer than a sort key
 * may be, so a node's key is a hash of its name; the name itself is an attribute.
 */
final class RunItems {
    private static final String HEADER = "#RUN";

    static String partition(String runId) {
        return "RUN#" + runId;
    }

    Map<String, AttributeValue> headerKey(String runId) {
        return Map.of("pk", AttributeValue.fromS(partition(runId)), "sk", AttributeValue.fromS(HEADER));
    }

    Map<String, AttributeValue> nodeKey(String runId, String node) {
        return Map.of("pk", AttributeValue.fromS(partition(runId)), "sk", AttributeValue.fromS("NODE#" + hash(node)));
    }

    Map<String, AttributeValue> header(String runId, int nodeCount, boolean autoComplete, Instant now, long ttl) {
        var item = new HashMap<>(headerKey(runId));
        item.put("runId", AttributeValue.fromS(runId));
        item.put("nodeCount", number(nodeCount));
        item.put("doneCount", number(0));
        item.put("autoComplete", AttributeValue.fromBool(autoComplete));
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put("ttl", number(ttl));
        return item;
    }

    Map<String, AttributeValue> node(String runId, NodePlan plan, int position, Instant now, Duration lease,
                                     long ttl) {
        var item = new HashMap<>(nodeKey(runId, plan.node()));
        boolean ready = plan.predecessorCount() == 0;
        item.put("node", AttributeValue.fromS(plan.node()));
        item.put("position", number(position));
        item.put("status", AttributeValue.fromS(ready ? NodeStatus.READY.name() : NodeStatus.PENDING.name()));
        item.put("remaining", number(plan.predecessorCount()));
        item.put("predecessorCount", number(plan.predecessorCount()));
        item.put("applied", AttributeValue.fromBool(false));
        item.put("dispatchCount", number(0));
        item.put("leaseUntil", number(now.plus(lease).toEpochMilli()));
        if (!plan.successors().isEmpty()) {
            item.put("successors", AttributeValue.fromL(plan.successors().stream().map(AttributeValue::fromS)
                    .toList()));
        }
        item.put("ttl", number(ttl));
        return item;
    }

    /** A node's successors in graph order, repeated as often as they depend on it. */
    static List<String> successors(Map<String, AttributeValue> item) {
        AttributeValue successors = item.get("successors");
        return successors == null ? List.of() : successors.l().stream().map(AttributeValue::s).toList();
    }

    /** Each distinct successor with how often it appears, in first-appearance order. */
    static Map<String, Integer> multiplicities(List<String> successors) {
        var counts = new LinkedHashMap<String, Integer>();
        successors.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    Optional<RunSnapshot> snapshot(String runId, List<Map<String, AttributeValue>> all) {
        Map<String, AttributeValue> header = null;
        var nodes = new ArrayList<Map<String, AttributeValue>>();
        for (var item : all) {
            if (HEADER.equals(item.get("sk").s())) {
                header = item;
            } else {
                nodes.add(item);
            }
        }
        if (header == null) {
            return Optional.empty();
        }
        nodes.sort(Comparator.comparingInt(item -> Integer.parseInt(item.get("position").n())));
        var snapshotNodes = nodes.stream().map(item -> new RunSnapshot.Node(item.get("node").s(),
                NodeStatus.valueOf(item.get("status").s()), Integer.parseInt(item.get("remaining").n()),
                Integer.parseInt(item.get("dispatchCount").n()))).toList();
        return Optional.of(new RunSnapshot(runId, Instant.parse(header.get("createdAt").s()),
                Integer.parseInt(header.get("nodeCount").n()), Integer.parseInt(header.get("doneCount").n()),
                header.get("autoComplete").bool(), snapshotNodes));
    }

    /** A short, fixed-length, collision-resistant stand-in for a node name (128 bits of SHA-256). */
    static String hash(String name) {
        return Digests.sha256Hex(name).substring(0, 32);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
