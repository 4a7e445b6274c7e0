package dev.fnbundle.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.FreshEntropy;
import dev.fnbundle.common.testing.ConnectionTripwire;
import dev.fnbundle.common.testing.RehearsalContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.configaudit.api.ResponseBudget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart: the hook the API handler registers sends its synthetic requests through the real handler (router,
 * wiring, problem rendering) without opening a connection, and a restore re-seeds what must differ between copies.
 */
class ConfigAuditApiHandlerPrimingTest {
    private final RehearsalContext snapStart = new RehearsalContext();
    private final List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();

    @Test
    void theHandlerRegistersItsHookDuringItsStaticInit() {
        assertThat(ConfigAuditApiHandler.PRIMING).isNotNull();
        assertThat(ConfigAuditApiHandler.PRIMING_REQUESTS.getFirst().path()).isEqualTo("/_snapstart/prime");
    }

    @Test
    void theCheckpointRunsTheRealHandlerPath_andOpensNoConnection() throws Exception {
        try (var tripwire = ConnectionTripwire.open()) {
            var env = Env.of(tripwire.asAwsEndpoints(LocalAws.shared().functionEnvironment("ConfigAuditApiFunction")));
            ApiPriming.register(snapStart, "config-auditor", () -> {
                var handler = new ConfigAuditApiHandler(ConfigAuditWiring.from(env),
                        new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
                return (event, context) -> {
                    var response = handler.handleRequest(event, context);
                    responses.add(response);
                    return response;
                };
            }, ConfigAuditApiHandler.PRIMING_REQUESTS);

            snapStart.checkpoint();

            assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode)
                    .containsExactly(404, 400);
            assertThat(responses.getFirst().getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(responses.getFirst().getBody()).contains("route-not-found");
            assertThat(responses.get(1).getBody()).contains("format");
            assertThat(tripwire.connections()).as("connections to the AWS endpoints").isZero();
        }
    }

    @Test
    void aRestoreReseedsTheJitterEntropy_andPrimesNothing() throws Exception {
        ApiPriming.register(snapStart, "config-auditor", () -> {
            throw new AssertionError("a restore must not build a handler");
        }, ConfigAuditApiHandler.PRIMING_REQUESTS);
        long generation = FreshEntropy.generation();

        snapStart.restore();

        assertThat(FreshEntropy.generation()).isEqualTo(generation + 1);
    }
}
