package dev.fnbundle.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsBatchTest {
    private static SQSEvent batch(String queueArn, String... bodies) {
        var records = new ArrayList<SQSEvent.SQSMessage>();
        for (int i = 0; i < bodies.length; i++) {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies[i]);
            message.setEventSourceArn(queueArn);
            records.add(message);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void only_the_messages_that_fail_are_reported() {
        var handled = new ArrayList<String>();

        var response = SqsBatch.process(batch("arn:aws:sqs:us-east-1:1:q", "ok", "poison", "ok"), message -> {
            if (message.getBody().equals("poison")) {
                throw new IllegalArgumentException("cannot parse");
            }
            handled.add(message.getMessageId());
        });

        assertThat(failedIds(response)).containsExactly("m1");
        assertThat(handled).containsExactly("m0", "m2");
    }

    @Test
    void on_a_fifo_queue_everything_after_a_failure_is_failed_unprocessed() {
        var handled = new ArrayList<String>();

        var response = SqsBatch.process(batch("arn:aws:sqs:us-east-1:1:q.fifo", "ok", "poison", "ok"), message -> {
            if (message.getBody().equals("poison")) {
                throw new IllegalStateException("boom");
            }
            handled.add(message.getMessageId());
        });

        assertThat(failedIds(response)).containsExactly("m1", "m2");
        assertThat(handled).containsExactly("m0");
    }

    @Test
    void an_empty_batch_reports_no_failures() {
        assertThat(SqsBatch.process(new SQSEvent(), message -> { }).getBatchItemFailures()).isEmpty();
    }
}
