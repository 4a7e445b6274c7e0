package dev.fnbundle.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmbeddedServicesTest {
    private static final StaticCredentialsProvider LOCAL =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @Test
    void dynamodb_local_stores_and_returns_an_item() {
        var dynamo = EmbeddedDynamo.shared();
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(LOCAL)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            client.createTable(b -> b.tableName("probe").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            client.putItem(b -> b.tableName("probe").item(Map.of("pk", AttributeValue.fromS("a"),
                    "v", AttributeValue.fromN("1"))));

            var item = client.getItem(b -> b.tableName("probe").key(Map.of("pk", AttributeValue.fromS("a")))).item();

            assertThat(item.get("v").n()).isEqualTo("1");
        }
    }

    @Test
    void with_a_data_directory_dynamodb_local_keeps_its_tables_and_items_across_restarts(@TempDir Path data) {
        try (var first = EmbeddedDynamo.start(0, data); var client = client(first)) {
            client.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            client.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"),
                    "v", AttributeValue.fromS("survives"))));
        }

        try (var second = EmbeddedDynamo.start(0, data); var client = client(second)) {
            var item = client.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a")))).item();

            assertThat(item.get("v").s()).isEqualTo("survives");
        }
    }

    private static DynamoDbClient client(EmbeddedDynamo dynamo) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(LOCAL).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void elasticmq_sends_and_receives_a_message_with_aws_style_urls() {
        var sqs = EmbeddedSqs.shared();
        try (SqsClient client = SqsClient.builder().endpointOverride(sqs.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(LOCAL)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String url = client.createQueue(b -> b.queueName("probe")).queueUrl();
            client.sendMessage(b -> b.queueUrl(url).messageBody("hello"));

            var messages = client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();

            assertThat(url).isEqualTo(sqs.queueUrl("probe"));
            assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
        }
    }

    @Test
    void a_fixed_port_in_use_is_reported_with_the_service_and_port() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedSqs.start(taken.getLocalPort()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("ElasticMQ")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void services_asked_for_port_zero_side_by_side_each_listen_on_the_port_they_name() throws Exception {
        // Each start binds port 0 and reads the port back: none can be handed a port another has just taken.
        try (var threads = Executors.newFixedThreadPool(4)) {
            var queues = List.of(threads.submit(() -> EmbeddedSqs.start(0)),
                    threads.submit(() -> EmbeddedSqs.start(0)));
            var tables = List.of(threads.submit(() -> EmbeddedDynamo.start(0, null)),
                    threads.submit(() -> EmbeddedDynamo.start(0, null)));
            var ports = new HashSet<Integer>();
            for (var started : queues) {
                try (var sqs = started.get(120, TimeUnit.SECONDS); var client = SqsClient.builder()
                        .endpointOverride(sqs.endpoint()).region(Region.US_EAST_1).credentialsProvider(LOCAL)
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
                    assertThat(isBound(sqs.endpoint().getPort())).isTrue();
                    assertThat(client.createQueue(b -> b.queueName("mine")).queueUrl()).isEqualTo(sqs.queueUrl("mine"));
                    ports.add(sqs.endpoint().getPort());
                }
            }
            for (var started : tables) {
                try (var dynamo = started.get(120, TimeUnit.SECONDS); var client = client(dynamo)) {
                    assertThat(isBound(dynamo.port())).isTrue();
                    assertThat(client.listTables().tableNames()).isEmpty();
                    ports.add(dynamo.port());
                }
            }
            assertThat(ports).hasSize(4).doesNotContain(0);
        }
    }

    /** True when nothing else can listen on the port: a service holds it. */
    private static boolean isBound(int port) {
        try (var probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
