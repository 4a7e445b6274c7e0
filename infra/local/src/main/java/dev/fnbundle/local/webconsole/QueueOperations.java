package dev.fnbundle.local.webconsole;

import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.embedded.template.StackModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the console does to the template's queues, through the SQS API of the embedded ElasticMQ: counts, a look
 * at a dead-letter queue's messages, redrive to the source queue, purge, send. Looking at messages receives them
 * for a few seconds and makes them visible again at once, as the AWS console's "poll for messages" does (their
 * receive count goes up by one).
 */
final class QueueOperations {
    /** Most messages looked at or redriven in one go: a dead-letter queue can hold far more. */
    static final int MAX_PEEK = 100;
    static final int MAX_REDRIVE = 10_000;
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final int PEEK_VISIBILITY_SECONDS = 10;

    private final SqsClient sqs;
    private final StackModel model;

    QueueOperations(SqsClient sqs, StackModel model) {
        this.sqs = sqs;
        this.model = model;
    }

    /** Messages visible, in flight (received, not deleted) and delayed. */
    record Counts(long visible, long inFlight, long delayed) {
    }

    Counts counts(QueueSpec queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue.url())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return new Counts(number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                number(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    /** The queue that {@code queue} redrives to, if any. */
    QueueSpec deadLetterQueueOf(QueueSpec queue) {
        return queue.hasDeadLetterQueue() ? model.queueByArn(queue.deadLetterArn()).orElse(null) : null;
    }

    /** The queues whose dead-letter queue {@code queue} is (empty: it is not a dead-letter queue). */
    List<QueueSpec> sourcesOf(QueueSpec queue) {
        return model.queues().values().stream().filter(q -> queue.arn().equals(q.deadLetterArn())).toList();
    }

    /** Up to {@link #MAX_PEEK} messages of the queue, left on it and visible again. */
    List<Message> peek(QueueSpec queue) {
        List<Message> messages = receiveAll(queue, MAX_PEEK, PEEK_VISIBILITY_SECONDS);
        release(queue, messages);
        return messages;
    }

    /**
     * Moves messages of a dead-letter queue to {@code target} (same body and message attributes), then deletes them
     * from the dead-letter queue.
     *
     * @param chosen the message ids to move; null moves every message (up to {@link #MAX_REDRIVE})
     * @return how many were moved
     */
    int redrive(QueueSpec deadLetterQueue, QueueSpec target, Set<String> chosen) {
        int moved = 0;
        var untouched = new ArrayList<Message>();
        Set<String> seen = new HashSet<>();
        while (moved < MAX_REDRIVE) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(deadLetterQueue.url()).maxNumberOfMessages(10)
                    .visibilityTimeout(30).waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            var fresh = new ArrayList<Message>();
            for (Message message : batch) {
                (seen.add(message.messageId()) ? fresh : untouched).add(message);
            }
            if (fresh.isEmpty()) {
                break;
            }
            var move = fresh.stream().filter(m -> chosen == null || chosen.contains(m.messageId())).toList();
            fresh.stream().filter(m -> !move.contains(m)).forEach(untouched::add);
            if (!move.isEmpty()) {
                send(target, move);
                delete(deadLetterQueue, move);
                moved += move.size();
            }
        }
        release(deadLetterQueue, untouched);
        return moved;
    }

    void purge(QueueSpec queue) {
        sqs.purgeQueue(b -> b.queueUrl(queue.url()));
    }

    /** Sends one message; returns its id. */
    String send(QueueSpec queue, String body, String groupId) {
        return sqs.sendMessage(b -> {
            b.queueUrl(queue.url()).messageBody(body);
            if (queue.fifo()) {
                b.messageGroupId(groupId.isEmpty() ? "console" : groupId)
                        .messageDeduplicationId(java.util.UUID.randomUUID().toString());
            }
        }).messageId();
    }

    private List<Message> receiveAll(QueueSpec queue, int max, int visibilitySeconds) {
        var found = new LinkedHashMap<String, Message>();
        while (found.size() < max) {
            int wanted = Math.min(10, max - found.size());
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(wanted)
                    .visibilityTimeout(visibilitySeconds).waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            int before = found.size();
            batch.forEach(message -> found.putIfAbsent(message.messageId(), message));
            if (found.size() == before) {
                break;
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Makes received messages visible again now. */
    private void release(QueueSpec queue, List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            var entries = new ArrayList<ChangeMessageVisibilityBatchRequestEntry>();
            List<Message> slice = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < slice.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(slice.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queue.url()).entries(entries));
        }
    }

    private void send(QueueSpec target, List<Message> messages) {
        var entries = new ArrayList<SendMessageBatchRequestEntry>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            var entry = SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(message.body())
                    .messageAttributes(message.messageAttributes());
            if (target.fifo()) {
                String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                entry.messageGroupId(group == null ? "redrive" : group)
                        .messageDeduplicationId(java.util.UUID.randomUUID().toString());
            }
            entries.add(entry.build());
        }
        var result = sqs.sendMessageBatch(b -> b.queueUrl(target.url()).entries(entries));
        if (!result.failed().isEmpty()) {
            throw new IllegalStateException(result.failed().size() + " message(s) could not be sent to "
                    + target.name() + ": " + result.failed().get(0).message());
        }
    }

    private void delete(QueueSpec queue, List<Message> messages) {
        var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
