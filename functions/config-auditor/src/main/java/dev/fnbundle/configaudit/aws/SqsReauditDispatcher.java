package dev.fnbundle.configaudit.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.service.ReauditDispatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** Sends re-audit requests to the re-audit queue, ten per SendMessageBatch call. */
public final class SqsReauditDispatcher implements ReauditDispatcher {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReauditDispatcher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The message body: {@code {"requestId": ..., "reaudit": <name>}}. */
    static String body(ReauditRequest request) {
        var body = new LinkedHashMap<String, String>();
        body.put("requestId", request.requestId());
        body.put("reaudit", request.baseline());
        return Json.write(body);
    }

    @Override
    public void dispatch(List<ReauditRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            List<ReauditRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body(batch.get(i))).build());
            }
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " re-audit messages were not queued,"
                        + " first: " + response.failed().get(0).code());
            }
        }
    }
}
