package dev.fnbundle.rss.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.ingest.FetchTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The fetch queue on ElasticMQ, created as template.yaml declares it. */
class SqsTaskQueueTest {
    private static String queueUrl;
    private static SqsTaskQueue queue;

    @BeforeAll
    static void provision() {
        var aws = LocalAws.shared();
        queueUrl = aws.provisionQueue("FetchQueue");
        queue = new SqsTaskQueue(aws.sqs(), queueUrl);
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static void drain(String run, Set<String> into, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (into.size() < expected && System.nanoTime() < deadline) {
            for (Message message : LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                FetchTask task = FetchTask.parse(message.body());
                if (task.run().equals(run)) {
                    into.add(task.feedId());
                    LocalAws.shared().sqs().deleteMessage(b -> b.queueUrl(queueUrl)
                            .receiptHandle(message.receiptHandle()));
                }
            }
        }
    }

    @Test
    void tasks_are_sent_ten_at_a_time_and_all_arrive() {
        String run = UUID.randomUUID().toString();
        var tasks = IntStream.range(0, 23).mapToObj(i -> new FetchTask(id(), run, null)).toList();

        queue.send(tasks);

        var received = new HashSet<String>();
        drain(run, received, 23);
        assertThat(received).containsExactlyInAnyOrderElementsOf(tasks.stream().map(FetchTask::feedId).toList());
    }

    @Test
    void a_deferred_task_is_invisible_until_its_delay_has_passed_and_keeps_its_slot() {
        String run = UUID.randomUUID().toString();
        var task = new FetchTask(id(), run, Instant.parse("2026-12-01T10:00:02Z"));

        queue.sendLater(task, Duration.ofMillis(1500));

        var early = LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                .messages().stream().map(m -> FetchTask.parse(m.body())).filter(t -> t.run().equals(run)).toList();
        assertThat(early).isEmpty();
        var bodies = new ArrayList<FetchTask>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (bodies.isEmpty() && System.nanoTime() < deadline) {
            LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages().stream().map(m -> FetchTask.parse(m.body()))
                    .filter(t -> t.run().equals(run)).forEach(bodies::add);
        }
        assertThat(bodies).containsExactly(task);
    }
}
