package dev.fnbundle.common.testing;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.embedded.EmbeddedDynamo;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Tables on the JVM's shared DynamoDB Local, for common's adapter tests. */
public final class LocalDynamo {
    private LocalDynamo() {
    }

    /** A client built by {@link AwsClients} from the environment the local runtime would set. */
    public static DynamoDbClient client() {
        return AwsClients.dynamoDb(Env.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", EmbeddedDynamo.shared().endpoint().toString())));
    }

    /** Creates an on-demand table whose key is the string attributes {@code pk} (partition) and {@code sk}. */
    public static void createTable(DynamoDbClient dynamo, String table) {
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }
}
