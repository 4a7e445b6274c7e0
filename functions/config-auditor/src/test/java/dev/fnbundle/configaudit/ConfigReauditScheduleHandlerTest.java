package dev.fnbundle.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.configaudit.service.BaselineInput;
import dev.fnbundle.configaudit.service.Precondition;
import dev.fnbundle.configaudit.testing.Configs;
import dev.fnbundle.embedded.LocalAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;

/** The scheduled rule's fan-out: one re-audit message per sourced baseline, into the queue from template.yaml. */
class ConfigReauditScheduleHandlerTest {
    private static ConfigAuditWiring wiring;
    private static ConfigReauditScheduleHandler handler;
    private static String queueUrl;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("ConfigAuditTable");
        queueUrl = aws.provisionQueue("ConfigReauditQueue");
        var env = Env.of(aws.functionEnvironment("ConfigReauditSchedulerFunction"));
        wiring = ConfigAuditWiring.from(Env.of(aws.functionEnvironment("ConfigAuditApiFunction")));
        handler = new ConfigReauditScheduleHandler(ConfigAuditWiring.fanOut(env));
    }

    private static void approve(String name, String sourceUrl) {
        wiring.baselines().put(name, new BaselineInput(Configs.TEMPLATE, null, null, sourceUrl),
                new Precondition.None(), "test");
    }

    /** The re-audit requests now in the queue, by baseline; the queue is drained. */
    private static Map<String, String> drain() {
        var requests = new HashMap<String, String>();
        var sqs = LocalAws.shared().sqs();
        while (true) {
            var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return requests;
            }
            for (var m : messages) {
                var body = Json.parse(m.body());
                requests.put(body.get("reaudit").asText(), body.get("requestId").asText());
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @ParameterizedTest
    @Event(value = "config-auditor/reaudit-schedule.json", type = ScheduledEvent.class)
    void each_sourced_baseline_gets_one_reaudit_request_keyed_by_the_run(ScheduledEvent event) {
        // given: two sourced baselines and one without a source, and one that loses its source in an update
        drain();
        String a = Events.uniqueName("fan-a");
        String b = Events.uniqueName("fan-b");
        String plain = Events.uniqueName("fan-plain");
        String dropped = Events.uniqueName("fan-dropped");
        approve(a, "https://config.example.com/a.ini");
        approve(b, "https://config.example.com/b.ini");
        approve(plain, null);
        approve(dropped, "https://config.example.com/d.ini");
        wiring.baselines().put(dropped, new BaselineInput(Configs.TEMPLATE, null, null, null),
                new Precondition.IfMatch(false, java.util.Set.of(1L)), "test");
        // when
        Map<String, Integer> result = handler.handleRequest(event, new FakeLambdaContext("config-reaudit"));
        Map<String, String> queued = drain();
        // then
        assertThat(queued).containsEntry(a, "reaudit#" + a + "#" + event.getId())
                .containsEntry(b, "reaudit#" + b + "#" + event.getId())
                .doesNotContainKeys(plain, dropped);
        assertThat(result.get("queued")).isEqualTo(queued.size());
        assertThat(List.copyOf(queued.keySet())).doesNotHaveDuplicates();
    }
}
