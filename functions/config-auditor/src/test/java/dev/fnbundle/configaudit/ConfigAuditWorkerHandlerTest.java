package dev.fnbundle.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.configaudit.service.BaselineInput;
import dev.fnbundle.configaudit.service.Precondition;
import dev.fnbundle.configaudit.service.PreconditionRequiredException;
import dev.fnbundle.configaudit.testing.Configs;
import dev.fnbundle.configaudit.testing.LocalConfigServer;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fetch.SsrfGuard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The queue consumer: partial batch failures, idempotency on requestId and the re-audit of a sourced baseline,
 * against DynamoDB Local provisioned from template.yaml and a config host on loopback.
 */
class ConfigAuditWorkerHandlerTest {
    private static ConfigAuditWiring wiring;
    private static ConfigAuditWorkerHandler handler;
    private static String table;
    private static LocalConfigServer server;
    private final FakeLambdaContext context = new FakeLambdaContext("config-audit-worker");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        table = aws.provisionTable("ConfigAuditTable");
        var env = new HashMap<>(aws.functionEnvironment("ConfigAuditWorkerFunction"));
        // What the local runtime passes with --allow-loopback-fetch: the config host below is on 127.0.0.1.
        env.put(SsrfGuard.ALLOW_LOOPBACK_ENV, "true");
        wiring = ConfigAuditWiring.from(Env.of(env));
        handler = new ConfigAuditWorkerHandler(AuditMessageWorker.from(wiring));
        server = new LocalConfigServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private static long storedAuditsNamed(String name) {
        // Paginated: the table holds other tests' large audits, and one scan page stops at 1 MB.
        return LocalAws.shared().dynamoDb().scanPaginator(b -> b.tableName(table)
                .filterExpression("#name = :name AND begins_with(pk, :audit)")
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(name),
                        ":audit", AttributeValue.fromS("AUDIT#")))).stream().mapToLong(page -> page.count()).sum();
    }

    private static void approve(String name, String sourceUrl) {
        try {
            wiring.baselines().put(name, new BaselineInput(Configs.TEMPLATE, "ini", List.of("database.*"), sourceUrl),
                    new Precondition.None(), "test");
        } catch (PreconditionRequiredException e) {
            // Approved by an earlier run in this JVM: the content is the same.
        }
    }

    private static SQSEvent.SQSMessage message(String id, Object body) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body instanceof String text ? text : Json.write(body));
        message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:ConfigAuditQueue");
        return message;
    }

    private static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        var event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    @ParameterizedTest
    @Event(value = "config-auditor/audit-requests.json", type = SQSEvent.class)
    void valid_requests_are_audited_once_and_invalid_ones_are_reported_failed(SQSEvent event) {
        // given: the stored baseline the second message audits against
        approve("web-frontend", null);
        // when: the batch, then the same batch redelivered
        var first = handler.handleRequest(event, context);
        var again = handler.handleRequest(event, context);
        // then: no requestId, not JSON, unknown baseline fail; the two valid ones stored one audit each
        var expected = List.of("00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000004",
                "00000000-0000-0000-0000-000000000005");
        assertThat(failed(first)).isEqualTo(expected);
        assertThat(failed(again)).isEqualTo(expected);
        assertThat(storedAuditsNamed("web-frontend.host-17")).isEqualTo(1);
        var history = wiring.audits().history("web-frontend", 100, null).items();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).source()).isEqualTo("queue");
        assertThat(history.get(0).similarity()).isEqualTo(Configs.SEED_RATIO);
    }

    @Test
    void a_request_id_reused_for_another_body_fails_and_stores_nothing_more() {
        String name = Events.uniqueName("reuse");
        var original = message("m-1", Map.of("requestId", name, "name", name, "baseline", "a=1\n",
                "current", "a=2\n"));
        var reused = message("m-2", Map.of("requestId", name, "name", name, "baseline", "a=1\n",
                "current", "a=3\n"));

        var response = handler.handleRequest(batch(original, reused), context);

        assertThat(failed(response)).containsExactly("m-2");
        assertThat(storedAuditsNamed(name)).isEqualTo(1);
    }

    @Test
    void a_message_whose_config_does_not_parse_fails() {
        var message = message("m-1", Map.of("requestId", Events.uniqueName("yaml"), "name", "svc",
                "format", "yaml", "baseline", "a: 1\n", "current", "a: [1\n"));

        assertThat(failed(handler.handleRequest(batch(message), context))).containsExactly("m-1");
    }

    @Test
    void a_poison_message_reaches_the_dead_letter_queue_after_five_receives() {
        // given: the queue and its dead-letter queue as template.yaml declares them (maxReceiveCount 5)
        var aws = LocalAws.shared();
        String queueUrl = aws.provisionQueue("ConfigAuditQueue");
        String deadLetterUrl = aws.model().queue("ConfigAuditDeadLetterQueue").url();
        String poison = Json.write(Map.of("requestId", Events.uniqueName("poison"), "baseline", "no-such-baseline",
                "current", "a=1\n"));
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(poison));
        // when: received and failed, again and again, as the event source mapping would (no visibility wait)
        int receives = 0;
        while (true) {
            var received = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).visibilityTimeout(0)
                    .maxNumberOfMessages(1).messageSystemAttributeNamesWithStrings("All")).messages();
            if (received.isEmpty()) {
                break;
            }
            var message = message(received.get(0).messageId(), received.get(0).body());
            assertThat(failed(handler.handleRequest(batch(message), context))).containsExactly(message.getMessageId());
            receives++;
        }
        // then
        var dead = aws.sqs().receiveMessage(b -> b.queueUrl(deadLetterUrl).maxNumberOfMessages(10)).messages();
        assertThat(receives).isEqualTo(5);
        assertThat(dead).extracting(m -> m.body()).containsExactly(poison);
    }

    @ParameterizedTest
    @Event(value = "config-auditor/reaudits.json", type = SQSEvent.class)
    void a_reaudit_fetches_the_source_and_records_the_drift_once(SQSEvent event) {
        // given: a baseline whose deployed config is served on loopback
        String name = Events.uniqueName("sourced");
        server.serve("/" + name + ".ini", LocalConfigServer.Response.text(Configs.DEPLOYED));
        approve(name, server.url("/" + name + ".ini").toString());
        var record = event.getRecords().get(0);
        record.setBody(Json.write(Map.of("requestId", "reaudit#" + name + "#run-1", "reaudit", name)));
        // when: delivered twice
        var first = handler.handleRequest(event, context);
        var again = handler.handleRequest(event, context);
        // then
        assertThat(failed(first)).isEmpty();
        assertThat(failed(again)).isEmpty();
        assertThat(server.hits("/" + name + ".ini")).isEqualTo(1);
        var history = wiring.audits().history(name, 10, null).items();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).source()).isEqualTo("schedule");
        assertThat(history.get(0).similarity()).isEqualTo(Configs.SEED_RATIO);
        assertThat(history.get(0).severity()).isEqualTo("critical");
        var head = wiring.baselines().get(name);
        assertThat(head.lastReaudit().status()).isEqualTo("ok");
        assertThat(head.lastReaudit().auditId()).isEqualTo(history.get(0).id());
    }
}
