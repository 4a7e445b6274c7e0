package dev.fnbundle.common.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQS events as Lambda's event source mapping delivers them, for queue handler tests. */
public final class SqsEvents {
    private SqsEvents() {
    }

    /** A message received for the first time, with a fresh message id. */
    public static SQSEvent.SQSMessage message(String body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("not-a-real-receipt-handle");
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    /** A batch of the given messages, in order. */
    public static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        var event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** A batch of one first-time message with {@code body}. */
    public static SQSEvent of(String body) {
        return batch(message(body));
    }
}
