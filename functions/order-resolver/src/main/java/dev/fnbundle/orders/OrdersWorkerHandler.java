package dev.fnbundle.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fnbundle.common.sqs.SqsBatch;

/**
 * Consumes the run task queue. It stands in for real work: for a run started with {@code autoComplete} (the
 * default) it marks each task's node done, which dispatches the next wave, so a run completes end to end.
 * Failures are reported per message; a message that keeps failing ends in the dead-letter queue.
 */
public final class OrdersWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final RunTaskWorker worker;

    public OrdersWorkerHandler() {
        this(new RunTaskWorker(OrdersWiring.fromEnv().runs()));
    }

    OrdersWorkerHandler(RunTaskWorker worker) {
        this.worker = worker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, context.getAwsRequestId(), message -> worker.handle(message.getBody()));
    }
}
