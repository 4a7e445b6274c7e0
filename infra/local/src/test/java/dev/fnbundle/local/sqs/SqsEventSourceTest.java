package dev.fnbundle.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.template.QueueSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

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
}
