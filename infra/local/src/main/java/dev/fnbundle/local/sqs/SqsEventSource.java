package dev.fnbundle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: pollers long-poll the queue, gather up to BatchSize messages within the
 * MaximumBatchingWindow, invoke the function, then delete what succeeded. With ReportBatchItemFailures only the
 * messages the function names as failed stay on the queue; an error, a timeout or a malformed failure list
 * leaves the whole batch. Messages left on the queue come back after their visibility timeout, and SQS (here
 * ElasticMQ) moves them to the dead-letter queue after maxReceiveCount receives. At most MaximumConcurrency
 * batches are in flight at once.
 */
public final class SqsEventSource implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * SQS's longest wait, as Lambda's pollers use: an idle queue costs one request per poller every 20 s. Polls of
     * 1 s (one request a second from each of up to three pollers per mapping) kept the runtime's JVM and ElasticMQ
     * busy, about 0.2 of a core while idle and a third of the runtime's CPU while the function JVMs start. A
     * message still comes at once (a long poll answers as soon as one arrives), and {@link #close} interrupts
     * the pollers' virtual threads, which closes the socket of a poll in flight.
     */
    static final int LONG_POLL_SECONDS = 20;

    private final SqsClient sqs;
    private final QueueSpec queue;
    private final EventSpec.SqsSource source;
    private final FunctionPool pool;
    private final String region;
    private final ExecutorService pollers;
    private final Consumer<String> warnings;
    private volatile boolean running = true;

    public SqsEventSource(SqsClient sqs, QueueSpec queue, EventSpec.SqsSource source, FunctionPool pool,
                          String region, Consumer<String> warnings) {
        this(sqs, queue, source, pool, Math.max(1, Math.min(source.maximumConcurrency(), pool.maxInstances())),
                region, warnings);
    }

    /** With {@code concurrency} pollers, each with at most one batch in flight. */
    SqsEventSource(SqsClient sqs, QueueSpec queue, EventSpec.SqsSource source, FunctionPool pool, int concurrency,
                   String region, Consumer<String> warnings) {
        this.warnings = warnings;
        this.sqs = sqs;
        this.queue = queue;
        this.source = source;
        this.pool = pool;
        this.region = region;
        this.pollers = Executors.newFixedThreadPool(concurrency, Thread.ofVirtual().name("sqs-" + queue.name(), 0)
                .factory());
        for (int i = 0; i < concurrency; i++) {
            pollers.submit(this::pollLoop);
        }
    }

    public QueueSpec queue() {
        return queue;
    }

    /** The mapping as the template declares it. */
    public EventSpec.SqsSource source() {
        return source;
    }

    /** The function it invokes. */
    public FunctionPool pool() {
        return pool;
    }

    private void pollLoop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                List<Message> batch = gather();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    sleepQuietly();
                }
            }
        }
    }

    private List<Message> gather() {
        var batch = new ArrayList<Message>();
        long windowEnd = System.nanoTime() + source.maximumBatchingWindowSeconds() * 1_000_000_000L;
        do {
            int wanted = Math.min(10, source.batchSize() - batch.size());
            var received = sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(wanted)
                    .waitTimeSeconds(LONG_POLL_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            batch.addAll(received);
            if (received.isEmpty() && source.maximumBatchingWindowSeconds() == 0) {
                break;
            }
        } while (running && batch.size() < source.batchSize() && System.nanoTime() < windowEnd);
        return batch;
    }

    private void deliver(List<Message> batch) throws InterruptedException {
        InvocationResult result = pool.invoke(event(batch), Trigger.queue(queue.name(), batch.size()));
        if (!result.succeeded()) {
            warnings.accept(leftOnQueue(queue, batch.size(), batch.size(), "the invocation failed"));
            return;
        }
        Set<String> failed = source.reportBatchItemFailures() ? failedIds(result.payload(), batch) : Set.of();
        if (failed == null) {
            warnings.accept(leftOnQueue(queue, batch.size(), batch.size(), "the batch item failures cannot be read"));
            return;
        }
        if (!failed.isEmpty()) {
            warnings.accept(leftOnQueue(queue, failed.size(), batch.size(), "the function reported them failed"));
        }
        var entries = new ArrayList<DeleteMessageBatchRequestEntry>();
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.get(i);
            if (!failed.contains(message.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!entries.isEmpty()) {
            var deleted = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(entries));
            if (!deleted.failed().isEmpty()) {
                // A message whose visibility timeout ran out meanwhile was received again: it will be redelivered.
                warnings.accept(queue.name() + ": " + deleted.failed().size() + " processed message(s) could"
                        + " not be deleted (visibility timeout shorter than the processing time?)");
            }
        }
    }

    /** Says that messages stay on the queue, and when they come back: a silent retry looks like a lost message. */
    static String leftOnQueue(QueueSpec queue, int left, int of, String why) {
        String next = queue.maxReceiveCount() > 0 ? " (the dead-letter queue after " + queue.maxReceiveCount()
                + " receives)" : "";
        return queue.name() + ": " + left + " of " + of + " message(s) left on the queue, " + why
                + "; they come back after the " + queue.visibilityTimeoutSeconds() + " s visibility timeout" + next;
    }

    /**
     * The ids the function reported as failed, or null when the whole batch must be retried: Lambda treats a
     * response it cannot read, or a failure naming an id that is not in the batch, as a failure of the batch.
     */
    static Set<String> failedIds(byte[] payload, List<Message> batch) {
        JsonNode response;
        try {
            response = MAPPER.readTree(payload);
        } catch (IOException e) {
            return null;
        }
        if (response == null || response.isNull() || response.isEmpty()) {
            return Set.of();
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        Set<String> inBatch = new HashSet<>(batch.stream().map(Message::messageId).toList());
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty() || !inBatch.contains(id)) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private byte[] event(List<Message> batch) {
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> {
                ObjectNode attribute = messageAttributes.putObject(name);
                attribute.put("stringValue", value.stringValue());
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", value.dataType());
            });
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queue.arn());
            record.put("awsRegion", region);
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        pollers.shutdownNow();
    }

    /** Waits until every poller has ended (after {@link #close}); false when one still runs after the limit. */
    boolean awaitStopped(Duration limit) throws InterruptedException {
        return pollers.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
