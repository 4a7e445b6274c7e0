package dev.fnbundle.configaudit.aws;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.sqs.QueueSender;
import dev.fnbundle.configaudit.service.ReauditDispatcher;
import java.util.LinkedHashMap;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends re-audit requests to the re-audit queue, ten per SendMessageBatch call. */
public final class SqsReauditDispatcher implements ReauditDispatcher {
    private final QueueSender queue;

    public SqsReauditDispatcher(SqsClient sqs, String queueUrl) {
        this.queue = new QueueSender(sqs, queueUrl);
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
        queue.sendAll(requests.stream().map(SqsReauditDispatcher::body).toList());
    }
}
