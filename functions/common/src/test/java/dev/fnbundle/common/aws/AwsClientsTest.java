package dev.fnbundle.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.config.Env;
import dev.fnbundle.embedded.EmbeddedDynamo;
import dev.fnbundle.embedded.EmbeddedSqs;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsClientsTest {
    private static Env local(String service, URI endpoint) {
        return Env.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_ENDPOINT_URL_" + service, endpoint.toString()));
    }

    @Test
    void the_service_specific_endpoint_variable_wins_over_the_general_one() {
        var env = Env.of(Map.of("AWS_ENDPOINT_URL", "http://general:1", "AWS_ENDPOINT_URL_SQS", "http://sqs:2"));

        assertThat(AwsClients.endpointOverride(env, "SQS")).contains(URI.create("http://sqs:2"));
        assertThat(AwsClients.endpointOverride(env, "DYNAMODB")).contains(URI.create("http://general:1"));
        assertThat(AwsClients.endpointOverride(Env.of(Map.of()), "SQS")).isEmpty();
    }

    @Test
    void a_dynamodb_client_built_from_the_environment_talks_to_the_endpoint_it_names() {
        try (var client = AwsClients.dynamoDb(local("DYNAMODB", EmbeddedDynamo.shared().endpoint()))) {
            assertThat(client.listTables().tableNames()).isNotNull();
        }
    }

    @Test
    void an_sqs_client_built_from_the_environment_talks_to_the_endpoint_it_names() {
        try (var client = AwsClients.sqs(local("SQS", EmbeddedSqs.shared().endpoint()))) {
            assertThat(client.createQueue(b -> b.queueName("clients-test")).queueUrl()).endsWith("/clients-test");
        }
    }

    @Test
    void configure_gives_any_other_client_builder_the_region_credentials_and_endpoint_of_the_environment() {
        var env = local("DYNAMODB", EmbeddedDynamo.shared().endpoint());

        try (var client = AwsClients.configure(DynamoDbClient.builder(), env, "DYNAMODB").build()) {
            assertThat(client.listTables().tableNames()).isNotNull();
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        }
    }

    @Test
    void a_missing_region_fails_with_a_message_naming_the_variable() {
        assertThatThrownBy(() -> AwsClients.sqs(Env.of(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AWS_REGION");
    }
}
