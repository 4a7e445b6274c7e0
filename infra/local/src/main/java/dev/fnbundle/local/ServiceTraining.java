package dev.fnbundle.local;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the runtime's AOT training run ({@link RuntimeAotCache}) asks of DynamoDB Local and ElasticMQ, so that the
 * cache holds their request paths as well as their start: the calls the functions make (conditional puts and
 * updates, gets of present and absent items, queries, transactions, batches; sends, receives and batch deletes),
 * on a scratch table and queue of their own, deleted at the end. Without them, the first invocations after a start
 * wait while DynamoDB Local loads and links its statement handling (SQLite access, expression parsing) for the
 * first time, six at once.
 */
final class ServiceTraining {
    static final String SCRATCH = "fnbundle-aot-training";

    private ServiceTraining() {
    }

    /** Runs the calls; throws what a service answers unexpectedly. */
    static void exercise(DynamoDbClient dynamo, SqsClient sqs) {
        exerciseDynamo(dynamo);
        exerciseSqs(sqs);
    }

    private static void exerciseDynamo(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(SCRATCH).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
        try {
            dynamo.putItem(b -> b.tableName(SCRATCH).item(item("a", "1", 1))
                    .conditionExpression("attribute_not_exists(pk)"));
            try {
                dynamo.putItem(b -> b.tableName(SCRATCH).item(item("a", "1", 2))
                        .conditionExpression("attribute_not_exists(pk)"));
            } catch (ConditionalCheckFailedException expected) {
                // the refusal's path, which an idempotent write takes on a repeat
            }
            dynamo.updateItem(b -> b.tableName(SCRATCH).key(key("a", "1"))
                    .updateExpression("SET #v = #v + :one, #s = :s").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#v", "v", "#s", "state"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":s", AttributeValue.fromS("done"))));
            dynamo.getItem(b -> b.tableName(SCRATCH).key(key("a", "1")).consistentRead(true));
            dynamo.getItem(b -> b.tableName(SCRATCH).key(key("absent", "1")));
            dynamo.query(b -> b.tableName(SCRATCH).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("a"),
                            ":p", AttributeValue.fromS("1"))).limit(10).scanIndexForward(false));
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(SCRATCH).item(item("b", "1", 1))
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(SCRATCH).key(key("a", "1"))
                            .updateExpression("SET #v = :v").expressionAttributeNames(Map.of("#v", "v"))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("9")))).build()));
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(SCRATCH, List.of(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item("c", "1", 1)).build()).build()))));
            dynamo.batchGetItem(b -> b.requestItems(Map.of(SCRATCH, KeysAndAttributes.builder()
                    .keys(key("a", "1"), key("c", "1")).build())));
            dynamo.deleteItem(b -> b.tableName(SCRATCH).key(key("a", "1")).returnValues("ALL_OLD"));
        } finally {
            dynamo.deleteTable(b -> b.tableName(SCRATCH));
        }
    }

    private static void exerciseSqs(SqsClient sqs) {
        String url = sqs.createQueue(b -> b.queueName(SCRATCH)).queueUrl();
        try {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"training\":1}"));
            sqs.sendMessageBatch(b -> b.queueUrl(url).entries(SendMessageBatchRequestEntry.builder().id("2")
                    .messageBody("{\"training\":2}").build()));
            var received = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages();
            if (!received.isEmpty()) {
                sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(received.stream().map(m ->
                        DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                .receiptHandle(m.receiptHandle()).build()).toList()));
            }
        } finally {
            sqs.deleteQueue(b -> b.queueUrl(url));
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, int value) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk),
                "v", AttributeValue.fromN(Integer.toString(value)));
    }
}
