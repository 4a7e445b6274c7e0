package dev.fnbundle.fuzzy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fnbundle.common.sqs.SqsBatch;

/**
 * Consumes the catalog import queue: each message adds or replaces up to 1 000 items of one catalog (format in
 * {@link dev.fnbundle.fuzzy.api.ImportMessages}). Failures are reported per message; one that keeps failing ends in
 * the dead-letter queue. Then the snapshot of each catalog the batch changed is rewritten, for cold searches.
 */
public final class FuzzyImportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ImportWorker worker;

    public FuzzyImportHandler() {
        this(new ImportWorker(FuzzyWiring.fromEnv().imports()));
    }

    FuzzyImportHandler(ImportWorker worker) {
        this.worker = worker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        SQSBatchResponse response = SqsBatch.process(event, context.getAwsRequestId(),
                message -> worker.handle(message.getBody()));
        worker.refreshSnapshots();
        return response;
    }
}
