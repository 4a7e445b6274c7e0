package dev.fnbundle.configaudit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.fnbundle.common.sqs.SqsBatch;

/**
 * Consumes the bulk audit queue (e.g. a fleet of hosts reporting their configs) and the re-audit queue the
 * schedule fills. Failures are reported per message; a message that keeps failing ends in its dead-letter queue.
 */
public final class ConfigAuditWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final AuditMessageWorker worker;

    public ConfigAuditWorkerHandler() {
        this(AuditMessageWorker.from(ConfigAuditWiring.fromEnv()));
    }

    ConfigAuditWorkerHandler(AuditMessageWorker worker) {
        this.worker = worker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatch.process(event, context.getAwsRequestId(), message -> worker.handle(message.getBody()));
    }
}
