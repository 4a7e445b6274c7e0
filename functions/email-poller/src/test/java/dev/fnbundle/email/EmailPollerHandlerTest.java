package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.email.listing.InvoiceQuery;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import dev.fnbundle.email.poll.RecordKind;
import dev.fnbundle.email.registry.MailboxStatus;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.TestTls;
import dev.fnbundle.embedded.LocalAws;
import jakarta.mail.Flags;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The poller as Lambda runs it: SQS poll tasks in, GreenMail over IMAPS (certificate and host-name checked) on
 * one side, DynamoDB Local and ElasticMQ provisioned from template.yaml on the other, wired from the
 * environment the template gives EmailPollerFunction (plus the local runtime's inline passwords and trust store).
 */
class EmailPollerHandlerTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps().withPerMethodLifecycle(false);

    private static Map<String, String> environment;
    private static PollerWiring wiring;
    private static EmailWiring api;
    private static String eventsQueueUrl;
    private final FakeLambdaContext context = new FakeLambdaContext("email-poller");
    private final String login = "user-" + UUID.randomUUID();
    private final GreenMailBox box = new GreenMailBox(GREEN_MAIL, login);

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("EmailTable");
        aws.provisionQueue("PollTaskQueue");
        eventsQueueUrl = aws.provisionQueue("InvoiceEventsQueue");
        var trust = TestTls.install();
        environment = new HashMap<>(aws.functionEnvironment("EmailPollerFunction"));
        environment.put("ALLOW_INLINE_MAILBOX_PASSWORDS", "true");
        environment.put("IMAP_TRUSTSTORE_PATH", trust.path().toString());
        environment.put("IMAP_TRUSTSTORE_PASSWORD", trust.password().get());
        environment.put("IMAP_CONNECT_TIMEOUT_MS", "3000");
        environment.put("IMAP_READ_TIMEOUT_MS", "10000");
        wiring = PollerWiring.from(environment);
        api = EmailWiring.from(Env.of(environment));
    }

    private String register(String host, int port, String password) {
        GREEN_MAIL.setUser(login + "@example.com", login, "right-password");
        box.append("INBOX");
        return api.mailboxes().register(new MailboxRegistration(host, port, login, null, password, "INBOX", "Archive",
                new MailboxRegistration.Search("invoice", null, null, null))).mailbox().id();
    }

    private String register() {
        return register("localhost", GREEN_MAIL.getImaps().getPort(), "right-password");
    }

    private static SQSEvent task(String mailboxId) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("not-a-real-receipt-handle");
        message.setBody("{\"mailboxId\": \"" + mailboxId + "\", \"reason\": \"manual\"}");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private SQSBatchResponse poll(EmailPollerHandler handler, SQSEvent event) {
        return handler.handleRequest(event, context);
    }

    private MailboxStatus status(String id) {
        return api.mailboxes().get(id).status();
    }

    @ParameterizedTest
    @Event(value = "email-poller/poll-tasks.json", type = SQSEvent.class)
    void a_poll_records_publishes_and_archives_each_invoice_once_and_a_second_poll_adds_nothing(SQSEvent event) {
        String id = register();
        for (String fixture : List.of("plain-usd.eml", "alternative.eml", "non-usd.eml", "malformed.eml",
                "plain-usd.eml")) {
            box.append("INBOX", Fixtures.eml(fixture));
        }
        box.append("INBOX", "Subject: Lunch?\r\nMessage-ID: <lunch@x>\r\n\r\nnoon\r\n"
                .getBytes(StandardCharsets.UTF_8));
        var first = event.getRecords().getFirst();
        first.setBody(first.getBody().replace("mb-3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f4a60", id));
        var handler = new EmailPollerHandler(wiring);

        SQSBatchResponse response = poll(handler, event);
        MailboxStatus afterFirst = status(id);
        SQSBatchResponse again = poll(handler, event);
        MailboxStatus afterSecond = status(id);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(1).getMessageId());
        assertThat(again.getBatchItemFailures()).hasSize(1);
        assertThat(afterFirst.state()).isEqualTo("OK");
        assertThat(afterFirst.error()).isNull();
        assertThat(afterFirst.lastPoll().invoices()).isEqualTo(3);
        assertThat(afterFirst.lastPoll().duplicates()).isEqualTo(1);
        assertThat(afterFirst.lastPoll().unparseable()).isEqualTo(1);
        assertThat(afterFirst.lastPoll().archived()).isEqualTo(5);
        assertThat(afterSecond.state()).isEqualTo("OK");
        assertThat(afterSecond.lastPoll().invoices()).isZero();
        assertThat(afterSecond.lastPoll().archived()).isZero();
        assertThat(box.messageIds("INBOX")).containsExactly("<lunch@x>");
        assertThat(box.messages("Archive")).hasSize(5).allMatch(m -> m.isSet(Flags.Flag.SEEN));
        var invoices = api.invoices().page(new InvoiceQuery(RecordKind.INVOICE, id, null, null, 100, null));
        assertThat(invoices.records()).hasSize(3).allMatch(r -> r.record().published());
        assertThat(invoices.records()).extracting(r -> r.record().fields().amount())
                .containsExactlyInAnyOrder("1234.56", "1080.00", "1200.00");
        List<Message> published = publishedFor(id);
        assertThat(published).hasSize(3);
        assertThat(published).extracting(m -> m.messageAttributes().get("type").stringValue())
                .containsOnly("invoice.extracted");
        assertThat(published).extracting(m -> m.messageAttributes().get("idempotencyKey").stringValue())
                .doesNotHaveDuplicates().allMatch(key -> key.startsWith(id + "#"));
        JsonNode body = Json.parse(published.getFirst().body());
        assertThat(body.get("type").asText()).isEqualTo("invoice.extracted");
        assertThat(body.get("mailboxId").asText()).isEqualTo(id);
    }

    @Test
    void a_subject_with_a_character_sqs_refuses_is_still_published_and_archived_not_retried_forever() {
        String id = register();
        // The encoded word is "Invoice \uFFFF 7" in UTF-8: a noncharacter SQS does not accept in a message body.
        box.append("INBOX", ("Subject: =?UTF-8?B?SW52b2ljZSDvv78gNw==?=\r\nMessage-ID: <noncharacter@x>\r\n\r\n"
                + "Amount due: $99.00\r\n").getBytes(StandardCharsets.UTF_8));

        SQSBatchResponse response = poll(new EmailPollerHandler(wiring), task(id));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Message> published = publishedFor(id);
        assertThat(published).hasSize(1);
        assertThat(Json.parse(published.getFirst().body()).get("subject").asText()).isEqualTo("Invoice \uFFFF 7");
        assertThat(box.messageIds("Archive")).containsExactly("<noncharacter@x>");
    }

    @Test
    void wrong_credentials_show_auth_failed_and_the_task_is_retried_with_backoff_then_dead_lettered() {
        String id = register("localhost", GREEN_MAIL.getImaps().getPort(), "wrong-password");
        var template = LocalAws.shared().model().queue("PollTaskQueue");
        var sqs = LocalAws.shared().sqs();
        String name = "email-backoff-" + UUID.randomUUID();
        String deadLetters = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetters)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String queue = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(template.visibilityTimeoutSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                        + "\",\"maxReceiveCount\":" + template.maxReceiveCount() + "}"))).queueUrl();
        var env = new HashMap<>(environment);
        env.put("POLL_TASK_QUEUE_URL", queue);
        // a zero backoff: the task comes back at once instead of after the queue's visibility timeout
        env.put("POLL_RETRY_BASE_SECONDS", "0");
        var handler = new EmailPollerHandler(PollerWiring.from(env));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"mailboxId\": \"" + id + "\"}"));

        var receiveCounts = new ArrayList<String>();
        for (int receive = 1; receive <= template.maxReceiveCount(); receive++) {
            SQSEvent event = received(queue);
            assertThat(event.getRecords()).as("receive " + receive).hasSize(1);
            receiveCounts.add(event.getRecords().getFirst().getAttributes().get("ApproximateReceiveCount"));
            assertThat(poll(handler, event).getBatchItemFailures()).hasSize(1);
        }
        MailboxStatus status = status(id);

        assertThat(receiveCounts).containsExactly("1", "2", "3", "4", "5");
        assertThat(status.state()).isEqualTo("AUTH_FAILED");
        assertThat(status.error()).contains("login refused").contains(id).doesNotContain("wrong-password");
        assertThat(status.consecutiveFailures()).isEqualTo(template.maxReceiveCount());
        assertThat(received(queue).getRecords()).isEmpty();
        assertThat(received(deadLetters).getRecords()).singleElement()
                .satisfies(m -> assertThat(m.getBody()).contains(id));
    }

    @Test
    void an_unreachable_host_and_a_failed_host_name_check_say_so_in_the_status() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = register("localhost", closedPort, "right-password");
        // the test certificate names localhost only: by address the host-name check must fail
        String wrongName = api.mailboxes().register(new MailboxRegistration("127.0.0.1",
                GREEN_MAIL.getImaps().getPort(), login, null, "right-password", "INBOX", "Archive",
                new MailboxRegistration.Search("invoice", null, null, null))).mailbox().id();
        var handler = new EmailPollerHandler(wiring);

        assertThat(poll(handler, task(unreachable)).getBatchItemFailures()).hasSize(1);
        assertThat(poll(handler, task(wrongName)).getBatchItemFailures()).hasSize(1);

        assertThat(status(unreachable).state()).isEqualTo("UNREACHABLE");
        assertThat(status(unreachable).error()).contains("cannot connect").contains("localhost:" + closedPort);
        assertThat(status(wrongName).state()).isEqualTo("TLS_FAILED");
        assertThat(status(wrongName).error()).contains("TLS handshake failed");
    }

    @Test
    void a_50_mb_message_is_skipped_with_a_reason_and_the_invoice_behind_it_is_processed() {
        String id = register();
        var huge = new StringBuilder("Subject: Invoice scan\r\nMessage-ID: <huge@scanner>\r\n\r\n");
        String line = "0123456789".repeat(9) + "\r\n";
        while (huge.length() < 50_000_000) {
            huge.append(line);
        }
        box.append("INBOX", huge.toString().getBytes(StandardCharsets.US_ASCII), Fixtures.eml("plain-usd.eml"));

        SQSBatchResponse response = poll(new EmailPollerHandler(wiring), task(id));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(status(id).lastPoll().skipped()).isEqualTo(1);
        assertThat(status(id).lastPoll().invoices()).isEqualTo(1);
        var skipped = api.invoices().page(new InvoiceQuery(RecordKind.SKIPPED, id, null, null, 10, null));
        assertThat(skipped.records()).singleElement().satisfies(r -> {
            assertThat(r.record().messageId()).isEqualTo("<huge@scanner>");
            assertThat(r.record().reason()).matches("message is \\d+ bytes, over the 26214400 byte limit");
        });
        assertThat(box.messageIds("INBOX")).containsExactly("<huge@scanner>");
        assertThat(box.messages("Archive")).hasSize(1);
    }

    @Test
    void locally_a_password_can_come_from_the_pollers_environment() {
        GREEN_MAIL.setUser(login + "@example.com", login, "from-the-environment");
        var env = new HashMap<>(environment);
        env.put("LOCAL_MAILBOX_PASSWORD", "from-the-environment");
        var local = PollerWiring.from(env);
        String id = api.mailboxes().register(new MailboxRegistration("localhost", GREEN_MAIL.getImaps().getPort(),
                login, "env:LOCAL_MAILBOX_PASSWORD", null, "INBOX", "Archive",
                new MailboxRegistration.Search("invoice", null, null, null))).mailbox().id();
        box.append("INBOX", Fixtures.eml("plain-usd.eml"));

        assertThat(poll(new EmailPollerHandler(local), task(id)).getBatchItemFailures()).isEmpty();
        assertThat(status(id).state()).isEqualTo("OK");
        assertThat(status(id).lastPoll().invoices()).isEqualTo(1);
        assertThat(api.mailboxes().get(id).mailbox().passwordSource()).isEqualTo("secret");
    }

    @Test
    void a_task_for_a_deleted_mailbox_is_dropped_without_a_failure() {
        String id = register();
        api.mailboxes().delete(id);

        assertThat(poll(new EmailPollerHandler(wiring), task(id)).getBatchItemFailures()).isEmpty();
    }

    private static SQSEvent received(String queue) {
        var messages = LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(1)
                .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        var records = new ArrayList<SQSEvent.SQSMessage>();
        for (Message m : messages) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            var attributes = new HashMap<String, String>();
            m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
            record.setAttributes(attributes);
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** The invoice.extracted messages of one mailbox on the events queue (consumed). */
    private static List<Message> publishedFor(String mailboxId) {
        var found = new ArrayList<Message>();
        List<Message> batch;
        do {
            batch = LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(eventsQueueUrl).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(0)).messages();
            batch.stream().filter(m -> m.body().contains("\"mailboxId\":\"" + mailboxId + "\"")).forEach(found::add);
        } while (!batch.isEmpty());
        return found;
    }
}
