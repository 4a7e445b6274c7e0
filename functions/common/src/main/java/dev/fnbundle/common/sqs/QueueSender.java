package dev.fnbundle.common.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends JSON message bodies to one SQS queue: one at a time (delayed, or with string attributes), or any number
 * ten per {@code SendMessageBatch}, resending once the entries SQS reports as failed before failing the call.
 *
 * <p>Every body passes through {@link #sqsSafe}: SQS accepts only part of Unicode in a message (#x9, #xA, #xD,
 * #x20–#xD7FF, #xE000–#xFFFD, #x10000–#x10FFFF), while JSON built from user text may carry U+FFFE, U+FFFF or a lone
 * surrogate inside a string. One such character in an e-mail subject or a node name would otherwise make the send
 * fail on every retry. Thread-safe when the client is.
 */
public final class QueueSender {
    /** The most entries one {@code SendMessageBatch} request may carry. */
    public static final int BATCH = 10;
    /** SQS's longest message delay. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;

    public QueueSender(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Sends one message. */
    public void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(sqsSafe(body)));
    }

    /** Sends one message with string message attributes (made SQS-safe like the body). */
    public void send(String body, Map<String, String> attributes) {
        var values = new HashMap<String, MessageAttributeValue>();
        attributes.forEach((name, value) -> values.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(sqsSafe(value)).build()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(sqsSafe(body)).messageAttributes(values));
    }

    /** Sends one message that stays invisible for {@code delay}, rounded up to whole seconds, at most 15 minutes. */
    public void sendLater(String body, Duration delay) {
        long seconds = Math.min(MAX_DELAY.toSeconds(), Math.max(0, (delay.toMillis() + 999) / 1000));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(sqsSafe(body)).delaySeconds((int) seconds));
    }

    /**
     * Sends every body, ten per request, in order of the list.
     *
     * @throws IllegalStateException when some entries still fail after one resend; the chunks before them are sent
     */
    public void sendAll(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += BATCH) {
            var entries = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = from; i < Math.min(bodies.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .messageBody(sqsSafe(bodies.get(i))).build());
            }
            List<BatchResultErrorEntry> failed = sendBatch(entries);
            if (!failed.isEmpty()) {
                Set<String> ids = failed.stream().map(BatchResultErrorEntry::id).collect(Collectors.toSet());
                failed = sendBatch(entries.stream().filter(e -> ids.contains(e.id())).toList());
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException(failed.size() + " of " + entries.size() + " messages could not be"
                        + " sent to " + queueUrl + " (first: " + failed.get(0).code() + ")");
            }
        }
    }

    private List<BatchResultErrorEntry> sendBatch(List<SendMessageBatchRequestEntry> entries) {
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed();
    }

    /**
     * The body with every character SQS refuses written as a JSON {@code \\u} escape. In a JSON document such
     * characters can only stand inside strings (JSON allows no other non-ASCII, and Jackson escapes control
     * characters), so the result is the same document: it reads back to exactly the same strings.
     */
    public static String sqsSafe(String json) {
        int refused = firstRefused(json, 0);
        if (refused < 0) {
            return json;
        }
        var out = new StringBuilder(json.length() + 16);
        int copied = 0;
        while (refused >= 0) {
            out.append(json, copied, refused).append(String.format("\\u%04x", (int) json.charAt(refused)));
            copied = refused + 1;
            refused = firstRefused(json, copied);
        }
        return out.append(json, copied, json.length()).toString();
    }

    /** The index of the first character at or after {@code from} that SQS refuses, or -1. */
    private static int firstRefused(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
