package dev.fnbundle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.runs.NodeStatus;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;

/** The run task worker on real DynamoDB Local and ElasticMQ, fed the SQS batch in events/order-resolver. */
class OrdersWorkerHandlerTest {
    private static OrdersWiring wiring;
    private static String queueUrl;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("OrdersTable");
        queueUrl = aws.provisionQueue("RunTaskQueue");
        wiring = OrdersWiring.from(Env.of(aws.functionEnvironment("OrdersWorkerFunction")));
    }

    @ParameterizedTest
    @Event(value = "order-resolver/run-tasks.json", type = SQSEvent.class)
    void a_task_is_completed_and_a_malformed_message_is_reported_as_failed(SQSEvent event) {
        String runId = wiring.runs().start(new GraphJsonReader().readRequest(
                "{\"graph\": {\"next\": [\"setup\"], \"setup\": []}}", Set.of())).runId();
        event.getRecords().get(0).setBody(event.getRecords().get(0).getBody()
                .replace("8b1f0c9e-2d3a-4b5c-8d7e-9f0a1b2c3d4e", runId));
        var handler = new OrdersWorkerHandler(new RunTaskWorker(wiring.runs()));

        SQSBatchResponse first = handler.handleRequest(event, new FakeLambdaContext("orders-worker"));
        SQSBatchResponse redelivered = handler.handleRequest(event, new FakeLambdaContext("orders-worker"));

        String malformedId = event.getRecords().get(1).getMessageId();
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(malformedId);
        assertThat(redelivered.getBatchItemFailures()).hasSize(1);
        var run = wiring.runs().status(runId);
        assertThat(run.nodes().get(1).status()).isEqualTo(NodeStatus.DONE);
        assertThat(run.nodes().get(0).status()).isEqualTo(NodeStatus.READY);
        assertThat(run.nodes().get(0).dispatchCount()).isEqualTo(1);
        var queued = LocalAws.shared().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(queued).anyMatch(m -> m.body().contains(runId) && m.body().contains("\"node\":\"next\""));
    }
}
