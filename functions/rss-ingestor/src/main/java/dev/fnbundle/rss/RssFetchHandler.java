package dev.fnbundle.rss;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.sqs.SqsBatch;

/**
 * Consumes the fetch queue, one feed per message. A message fails (and comes back after the visibility timeout)
 * only for a transient fetch failure, a store failure or a malformed body; see {@link FetchTaskWorker}.
 */
public final class RssFetchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final FetchTaskWorker worker;

    public RssFetchHandler() {
        this(new FetchTaskWorker(RssWiring.ingestor(Env.system())));
    }

    RssFetchHandler(FetchTaskWorker worker) {
        this.worker = worker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, context.getAwsRequestId(), message -> worker.handle(message.getBody()));
    }
}
