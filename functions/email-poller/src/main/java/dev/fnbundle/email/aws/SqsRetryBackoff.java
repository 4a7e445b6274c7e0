package dev.fnbundle.email.aws;

import dev.fnbundle.email.poll.RetryBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Backs a failed poll task off by changing its visibility timeout before it returns to the queue: the wait grows
 * with each receive ({@link RetryBackoff#delaySeconds}), instead of the queue's fixed visibility timeout. After
 * the queue's {@code maxReceiveCount} receives SQS moves the task to the dead-letter queue.
 */
public final class SqsRetryBackoff implements RetryBackoff {
    private static final Logger LOG = LoggerFactory.getLogger(SqsRetryBackoff.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final int baseSeconds;

    /**
     * @param baseSeconds the wait after the first failed receive; doubled after each further one
     */
    public SqsRetryBackoff(SqsClient sqs, String queueUrl, int baseSeconds) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.baseSeconds = baseSeconds;
    }

    @Override
    public void postpone(String receiptHandle, int receiveCount) {
        int seconds = RetryBackoff.delaySeconds(baseSeconds, receiveCount);
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)
                    .visibilityTimeout(seconds));
        } catch (SdkException e) {
            // The task still fails and comes back after the queue's own visibility timeout.
            LOG.warn("cannot back the poll task off delaySeconds={} error={}", seconds, e.getClass().getSimpleName());
        }
    }
}
