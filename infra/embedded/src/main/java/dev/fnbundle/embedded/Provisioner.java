package dev.fnbundle.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.TableSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the stack's tables (keys, indexes, TTL) and queues (attributes, redrive policies) in the embedded
 * services, exactly as the template declares them. Creating something that already exists is not an error, so a
 * persisted DynamoDB directory can be reused across runs.
 */
public final class Provisioner {
    private static final List<String> QUEUE_ATTRIBUTES = List.of("VisibilityTimeout", "MessageRetentionPeriod",
            "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "FifoQueue",
            "ContentBasedDeduplication");

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;

    public Provisioner(DynamoDbClient dynamo, SqsClient sqs) {
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    /**
     * Creates every table and queue of the model, dead-letter queues before the queues that use them. Requests go
     * out side by side (each table, the queues beside the tables): one after the other they were 2.5 s of the
     * local runtime's start on a loaded 2-core machine, mostly each request's round trip through the SDK and the
     * service's HTTP layer, which overlap.
     */
    public void provision(StackModel model) {
        var deadLetterQueues = new ArrayList<QueueSpec>();
        var otherQueues = new ArrayList<QueueSpec>();
        model.queues().values().forEach(queue -> (queue.hasDeadLetterQueue() ? otherQueues : deadLetterQueues)
                .add(queue));
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<?>>();
            model.tables().values().forEach(table -> pending.add(requests.submit(() -> createTable(table))));
            pending.add(requests.submit(() -> {
                createSideBySide(deadLetterQueues);
                createSideBySide(otherQueues);
            }));
            awaitAll(pending);
        }
    }

    private void createSideBySide(List<QueueSpec> queues) {
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<?>>();
            queues.forEach(queue -> pending.add(requests.submit(() -> createQueue(queue))));
            awaitAll(pending);
        }
    }

    /** Waits for every request; the first failure is thrown as it was (a service's answer, not a wrapper). */
    private static void awaitAll(List<Future<?>> pending) {
        RuntimeException first = null;
        for (Future<?> request : pending) {
            try {
                request.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating tables and queues", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Creates one table with its key schema, global secondary indexes and time-to-live attribute. */
    public void createTable(TableSpec table) {
        JsonNode p = table.properties();
        var request = CreateTableRequest.builder().tableName(table.name())
                .attributeDefinitions(list(p.path("AttributeDefinitions"), d -> AttributeDefinition.builder()
                        .attributeName(d.path("AttributeName").asText())
                        .attributeType(d.path("AttributeType").asText()).build()))
                .keySchema(keySchema(p.path("KeySchema")));
        boolean provisioned = "PROVISIONED".equals(p.path("BillingMode").asText("PROVISIONED"))
                && p.has("ProvisionedThroughput");
        if (provisioned) {
            request.provisionedThroughput(throughput(p.path("ProvisionedThroughput")));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (p.path("GlobalSecondaryIndexes").isArray()) {
            request.globalSecondaryIndexes(list(p.path("GlobalSecondaryIndexes"), g -> {
                var index = GlobalSecondaryIndex.builder().indexName(g.path("IndexName").asText())
                        .keySchema(keySchema(g.path("KeySchema"))).projection(projection(g.path("Projection")));
                if (provisioned) {
                    index.provisionedThroughput(throughput(g.path("ProvisionedThroughput")));
                }
                return index.build();
            }));
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException e) {
            return;
        }
        String ttl = table.ttlAttribute();
        if (ttl != null) {
            dynamo.updateTimeToLive(b -> b.tableName(table.name())
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(ttl)));
        }
    }

    /** Creates one queue with its attributes and redrive policy (its dead-letter queue must exist). */
    public void createQueue(QueueSpec queue) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        for (String name : QUEUE_ATTRIBUTES) {
            JsonNode value = queue.properties().get(name);
            if (value != null && !value.isNull()) {
                attributes.put(QueueAttributeName.fromValue(name), value.asText());
            }
        }
        if (queue.hasDeadLetterQueue()) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + queue.deadLetterArn()
                    + "\",\"maxReceiveCount\":" + queue.maxReceiveCount() + "}");
        }
        sqs.createQueue(b -> b.queueName(queue.name()).attributes(attributes));
    }

    private static List<KeySchemaElement> keySchema(JsonNode schema) {
        return list(schema, k -> KeySchemaElement.builder().attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText()).build());
    }

    private static Projection projection(JsonNode projection) {
        var builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
        if (projection.path("NonKeyAttributes").isArray()) {
            builder.nonKeyAttributes(list(projection.path("NonKeyAttributes"), JsonNode::asText));
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(JsonNode node) {
        return ProvisionedThroughput.builder().readCapacityUnits(node.path("ReadCapacityUnits").asLong(5))
                .writeCapacityUnits(node.path("WriteCapacityUnits").asLong(5)).build();
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> mapping) {
        var out = new ArrayList<T>();
        array.forEach(item -> out.add(mapping.apply(item)));
        return out;
    }
}
