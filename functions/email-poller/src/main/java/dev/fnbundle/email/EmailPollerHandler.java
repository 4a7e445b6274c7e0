package dev.fnbundle.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fnbundle.common.sqs.SqsBatch;
import dev.fnbundle.email.poll.RetryBackoff;

/**
 * Consumes the poll task queue: one IMAP poll per task. A failed task (the mailbox refused the login, could not
 * be reached, failed TLS; or a store or queue failed) is reported as a batch item failure after its visibility
 * timeout was raised for backoff, so it comes back later and, after the queue's maxReceiveCount, goes to the
 * dead-letter queue; the mailbox's status shows the error meanwhile. Reserved concurrency and the per-mailbox
 * lease keep polls few and never overlapping.
 */
public final class EmailPollerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final PollTaskWorker worker;
    private final RetryBackoff backoff;

    public EmailPollerHandler() {
        this(PollerWiring.fromEnv());
    }

    EmailPollerHandler(PollerWiring wiring) {
        this.worker = new PollTaskWorker(wiring.mailboxes(), wiring.polls());
        this.backoff = wiring.backoff();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, context.getAwsRequestId(), message -> {
            try {
                worker.handle(message.getBody());
            } catch (RuntimeException e) {
                backoff.postpone(message.getReceiptHandle(), receiveCount(message));
                throw e;
            }
        });
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
