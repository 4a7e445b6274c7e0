package dev.fnbundle.common.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.fnbundle.common.logging.RequestLogContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Processes an SQS batch message by message and reports the failures as {@code batchItemFailures}, so only the
 * failed messages return to the queue (and, after {@code maxReceiveCount} receives, to its dead-letter queue).
 * The template must set {@code FunctionResponseTypes: [ReportBatchItemFailures]} on the event source.
 *
 * <p>On a FIFO queue the first failure also fails every later message of the batch, because processing them
 * would break the queue's ordering guarantee.
 */
public final class SqsBatch {
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    private SqsBatch() {
    }

    /** Handles one message; throws to report it as failed. */
    @FunctionalInterface
    public interface MessageHandler {
        void handle(SQSMessage message) throws Exception;
    }

    /** Runs {@code handler} on each record and returns the ids of those that failed; never throws. */
    public static SQSBatchResponse process(SQSEvent event, MessageHandler handler) {
        List<SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        boolean fifoBroken = false;
        for (SQSMessage message : records) {
            if (fifoBroken) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            MDC.put("messageId", message.getMessageId());
            try {
                handler.handle(message);
            } catch (Exception | StackOverflowError e) {
                LOG.error("message failed messageId={} receiveCount={}", message.getMessageId(),
                        receiveCount(message), e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                fifoBroken = isFifo(message);
            } finally {
                MDC.remove("messageId");
            }
        }
        if (!records.isEmpty()) {
            LOG.info("batch processed messages={} failed={}", records.size(), failures.size());
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Like {@link #process(SQSEvent, MessageHandler)}, with the invocation's request id on every log line. */
    public static SQSBatchResponse process(SQSEvent event, String requestId, MessageHandler handler) {
        try (var ignored = RequestLogContext.open(requestId, "sqs")) {
            return process(event, handler);
        }
    }

    private static boolean isFifo(SQSMessage message) {
        return message.getEventSourceArn() != null && message.getEventSourceArn().endsWith(".fifo");
    }

    private static String receiveCount(SQSMessage message) {
        return message.getAttributes() == null ? "?" : message.getAttributes().getOrDefault(
                "ApproximateReceiveCount", "?");
    }
}
