package dev.fnbundle.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.EmbeddedSqs;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.QueueSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

class SqsEventSourceTest {
    private static final List<Message> BATCH = List.of(Message.builder().messageId("m1").build(),
            Message.builder().messageId("m2").build());

    private static java.util.Set<String> failed(String response) {
        return SqsEventSource.failedIds(response.getBytes(StandardCharsets.UTF_8), BATCH);
    }

    @Test
    void the_reported_failures_are_the_only_messages_kept() {
        assertThat(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}")).containsExactly("m2");
        assertThat(failed("{\"batchItemFailures\":[]}")).isEmpty();
        assertThat(failed("null")).isEmpty();
        assertThat(failed("{}")).isEmpty();
    }

    @Test
    void an_unreadable_response_or_an_unknown_id_fails_the_whole_batch_like_lambda() {
        assertThat(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"nope\"}]}")).isNull();
        assertThat(failed("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")).isNull();
        assertThat(failed("not json")).isNull();
    }

    @Test
    void messages_left_on_the_queue_are_announced_with_when_they_come_back() {
        var queue = new QueueSpec("FetchQueue", "local-FetchQueue",
                "arn:aws:sqs:us-east-1:000000000000:local-FetchQueue",
                "http://127.0.0.1:9324/000000000000/local-FetchQueue", 540, 345600, false,
                "arn:aws:sqs:us-east-1:000000000000:local-FetchDeadLetterQueue", 5, null);

        assertThat(SqsEventSource.leftOnQueue(queue, 1, 2, "the function reported them failed")).isEqualTo(
                "local-FetchQueue: 1 of 2 message(s) left on the queue, the function reported them failed; they come"
                        + " back after the 540 s visibility timeout (the dead-letter queue after 5 receives)");
    }

    @Test
    void an_idle_queue_is_long_polled_instead_of_asked_again_every_second_and_close_ends_the_poll()
            throws InterruptedException {
        var receives = new AtomicInteger();
        var counting = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof ReceiveMessageRequest) {
                    receives.incrementAndGet();
                }
            }
        };
        var warnings = new CopyOnWriteArrayList<String>();
        try (SqsClient sqs = SqsClient.builder().endpointOverride(EmbeddedSqs.shared().endpoint())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(counting)).build()) {
            String name = "idle-" + UUID.randomUUID();
            String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            var queue = new QueueSpec("IdleQueue", name, EmbeddedSqs.queueArn(name), url, 30, 345600, false, null,
                    0, null);
            var mapping = new EventSpec.SqsSource("Idle", queue.arn(), 10, 0, false, 2, true);
            // No function behind it: an empty queue never delivers.
            var source = new SqsEventSource(sqs, queue, mapping, null, 2, "us-east-1", warnings::add);

            Thread.sleep(3_000);
            int seen = receives.get();
            source.close();

            assertThat(seen).as("ReceiveMessage requests in 3 s from 2 pollers of an empty queue").isEqualTo(2);
            assertThat(source.awaitStopped(Duration.ofSeconds(5))).as("pollers ended by close").isTrue();
            assertThat(warnings).isEmpty();
        }
    }
}
