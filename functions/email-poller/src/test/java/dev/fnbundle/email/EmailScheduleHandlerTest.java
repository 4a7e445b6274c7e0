package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import dev.fnbundle.embedded.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.sqs.model.Message;

/** The five-minute schedule on DynamoDB Local and ElasticMQ, wired as EmailSchedulerFunction is. */
class EmailScheduleHandlerTest {
    private static EmailWiring wiring;
    private static String queueUrl;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("EmailTable");
        queueUrl = aws.provisionQueue("PollTaskQueue");
        wiring = EmailWiring.from(Env.of(aws.functionEnvironment("EmailSchedulerFunction")));
    }

    private String register() {
        return wiring.mailboxes().register(new MailboxRegistration("imap.example.com", 993,
                "user-" + UUID.randomUUID(), "fnbundle/mailboxes/x", null, null, null,
                new MailboxRegistration.Search("invoice", null, null, null))).mailbox().id();
    }

    @ParameterizedTest
    @Event(value = "email-poller/poll-schedule.json", type = ScheduledEvent.class)
    void each_run_queues_one_poll_task_per_registered_mailbox(ScheduledEvent event) {
        var ids = List.of(register(), register(), register());
        wiring.mailboxes().delete(ids.get(2));

        var result = new EmailScheduleHandler(wiring.mailboxes()).handleRequest(event,
                new FakeLambdaContext("email-scheduler"));

        List<JsonNode> tasks = drain();
        var mine = tasks.stream().filter(t -> ids.contains(t.get("mailboxId").asText())).toList();
        assertThat(result.get("queued")).isGreaterThanOrEqualTo(2);
        assertThat(mine).extracting(t -> t.get("mailboxId").asText()).containsExactlyInAnyOrder(ids.get(0),
                ids.get(1));
        assertThat(mine).allMatch(t -> t.get("reason").asText().equals("schedule"));
    }

    private static List<JsonNode> drain() {
        var tasks = new ArrayList<JsonNode>();
        List<Message> batch;
        do {
            batch = LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0)).messages();
            batch.forEach(m -> tasks.add(Json.parse(m.body())));
        } while (!batch.isEmpty());
        return tasks;
    }
}
