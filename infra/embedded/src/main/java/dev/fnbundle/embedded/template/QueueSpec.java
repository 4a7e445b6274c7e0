package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An SQS queue of the stack with its resolved attributes. {@code deadLetterArn} and {@code maxReceiveCount} come
 * from its RedrivePolicy (null and 0 when it has none).
 */
public record QueueSpec(String logicalId, String name, String arn, String url, int visibilityTimeoutSeconds,
                        int messageRetentionSeconds, boolean fifo, String deadLetterArn, int maxReceiveCount,
                        JsonNode properties) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static QueueSpec of(String logicalId, String name, LocalAccount account, JsonNode properties) {
        JsonNode redrive = properties.path("RedrivePolicy");
        if (redrive.isTextual()) {
            try {
                redrive = MAPPER.readTree(redrive.asText());
            } catch (Exception e) {
                throw new UnsupportedTemplateException("queue " + logicalId + ": RedrivePolicy is not JSON");
            }
        }
        String deadLetterArn = redrive.path("deadLetterTargetArn").asText(null);
        int maxReceiveCount = redrive.path("maxReceiveCount").asInt(0);
        return new QueueSpec(logicalId, name, account.queueArn(name), account.queueUrl(name),
                StackModel.integer(properties, "VisibilityTimeout", 30),
                StackModel.integer(properties, "MessageRetentionPeriod", 345_600),
                properties.path("FifoQueue").asBoolean(false), deadLetterArn, maxReceiveCount, properties);
    }

    /** True when this queue redrives to a dead-letter queue. */
    public boolean hasDeadLetterQueue() {
        return deadLetterArn != null;
    }
}
