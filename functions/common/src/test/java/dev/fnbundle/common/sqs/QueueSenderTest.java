package dev.fnbundle.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.embedded.EmbeddedSqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Runs against a real ElasticMQ; per-entry failures, which it never reports, are simulated by {@link Failing}. */
class QueueSenderTest {
    private static SqsClient sqs;

    @BeforeAll
    static void client() {
        sqs = AwsClients.sqs(Env.of(Map.of("AWS_REGION", EmbeddedSqs.REGION, "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_SQS", EmbeddedSqs.shared().endpoint().toString())));
    }

    private static String newQueue() {
        String name = "sender-" + UUID.randomUUID();
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static List<Message> receive(String queueUrl, int expected) {
        var messages = new ArrayList<Message>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (messages.size() < expected && System.nanoTime() < deadline) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages());
        }
        return messages;
    }

    private static String json(String text) {
        return Json.write(Map.of("text", text));
    }

    @Test
    void text_sqs_accepts_is_left_as_it_is() {
        String body = json("Café \uD83D\uDE00 tab\t, line\n, 中文, \uFFFD");

        assertThat(QueueSender.sqsSafe(body)).isSameAs(body);
    }

    @Test
    void characters_sqs_refuses_become_json_escapes_that_read_back_to_the_same_string() {
        String text = "a\uFFFFb\uFFFEc\uD800d\uDC00e\uDBFF";

        String safe = QueueSender.sqsSafe(json(text));

        assertThat(safe).isEqualTo("{\"text\":\"a\\uffffb\\ufffec\\ud800d\\udc00e\\udbff\"}");
        assertThat(Json.parse(safe).get("text").textValue()).isEqualTo(text);
    }

    @Test
    void a_body_with_refused_characters_is_delivered_and_reads_back_unchanged() {
        String queueUrl = newQueue();
        String text = "Invoice \uFFFF #1 \uD800";

        new QueueSender(sqs, queueUrl).send(json(text), Map.of("type", "invoice.extracted"));

        var messages = receive(queueUrl, 1);
        assertThat(messages).hasSize(1);
        assertThat(Json.parse(messages.get(0).body()).get("text").textValue()).isEqualTo(text);
        assertThat(messages.get(0).messageAttributes().get("type").stringValue()).isEqualTo("invoice.extracted");
    }

    @Test
    void any_number_of_bodies_are_sent_ten_per_request_and_all_arrive() {
        String queueUrl = newQueue();
        var bodies = IntStream.range(0, 23).mapToObj(i -> json("m-" + i + "\uFFFF")).toList();

        new QueueSender(sqs, queueUrl).sendAll(bodies);

        Set<String> received = new HashSet<>();
        receive(queueUrl, 23).forEach(m -> received.add(Json.parse(m.body()).get("text").textValue()));
        assertThat(received).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 23).mapToObj(i -> "m-" + i + "\uFFFF").toList());
    }

    @Test
    void a_delayed_message_stays_invisible_until_its_delay_has_passed() {
        String queueUrl = newQueue();

        new QueueSender(sqs, queueUrl).sendLater(json("later"), Duration.ofMillis(1500));

        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).isEmpty();
        assertThat(receive(queueUrl, 1)).hasSize(1);
    }

    @Test
    void entries_that_fail_once_are_resent_and_nothing_is_lost() {
        String queueUrl = newQueue();
        var failing = new Failing(sqs, 1);

        new QueueSender(failing, queueUrl).sendAll(List.of(json("a"), json("b"), json("c")));

        assertThat(failing.requests).hasSize(2);
        assertThat(failing.requests.get(1).entries()).hasSize(1);
        assertThat(receive(queueUrl, 3)).hasSize(3);
    }

    @Test
    void entries_that_keep_failing_fail_the_call_and_say_how_many() {
        String queueUrl = newQueue();

        assertThatThrownBy(() -> new QueueSender(new Failing(sqs, Integer.MAX_VALUE), queueUrl)
                .sendAll(List.of(json("a"), json("b"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of 2 messages could not be sent")
                .hasMessageContaining("InternalError");
    }

    /** Reports the first entry of each of its first {@code failedCalls} batch requests as failed, unsent. */
    private static final class Failing implements SqsClient {
        private final SqsClient real;
        private final int failedCalls;
        final List<SendMessageBatchRequest> requests = new ArrayList<>();

        Failing(SqsClient real, int failedCalls) {
            this.real = real;
            this.failedCalls = failedCalls;
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            requests.add(request);
            if (requests.size() > failedCalls) {
                return real.sendMessageBatch(request);
            }
            var first = request.entries().get(0);
            var rest = request.entries().subList(1, request.entries().size());
            var sent = rest.isEmpty() ? SendMessageBatchResponse.builder().build()
                    : real.sendMessageBatch(request.toBuilder().entries(rest).build());
            return sent.toBuilder().failed(BatchResultErrorEntry.builder().id(first.id()).code("InternalError")
                    .senderFault(false).build()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
