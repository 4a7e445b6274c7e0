package dev.fnbundle.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.FreshEntropy;
import dev.fnbundle.common.testing.ConnectionTripwire;
import dev.fnbundle.common.testing.RehearsalContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.parse.FeedParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart: the hook the API handler registers sends its synthetic requests through the real handler (router,
 * wiring, problem rendering) without opening a connection, and a restore re-seeds what must differ between copies.
 */
class RssApiHandlerPrimingTest {
    private final RehearsalContext snapStart = new RehearsalContext();
    private final List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();

    @Test
    void theHandlerRegistersItsHookDuringItsStaticInit() {
        assertThat(RssApiHandler.PRIMING).isNotNull();
        assertThat(RssApiHandler.PRIMING_REQUESTS.getFirst().path()).isEqualTo("/_snapstart/prime");
    }

    @Test
    void theCheckpointRunsTheRealHandlerPath_andOpensNoConnection() throws Exception {
        try (var tripwire = ConnectionTripwire.open()) {
            var env = Env.of(tripwire.asAwsEndpoints(LocalAws.shared().functionEnvironment("RssApiFunction")));
            ApiPriming.register(snapStart, "rss-ingestor", () -> {
                var handler = new RssApiHandler(RssWiring.feeds(env), new FeedParser(), Clock.systemUTC());
                return (event, context) -> {
                    var response = handler.handleRequest(event, context);
                    responses.add(response);
                    return response;
                };
            }, RssApiHandler.PRIMING_REQUESTS);

            snapStart.checkpoint();

            assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode)
                    .containsExactly(404, 200);
            assertThat(responses.getFirst().getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(responses.getFirst().getBody()).contains("route-not-found");
            assertThat(responses.get(1).getBody()).contains("Some text");
            assertThat(tripwire.connections()).as("connections to the AWS endpoints").isZero();
        }
    }

    @Test
    void aRestoreReseedsTheJitterEntropy_andPrimesNothing() throws Exception {
        ApiPriming.register(snapStart, "rss-ingestor", () -> {
            throw new AssertionError("a restore must not build a handler");
        }, RssApiHandler.PRIMING_REQUESTS);
        long generation = FreshEntropy.generation();

        snapStart.restore();

        assertThat(FreshEntropy.generation()).isEqualTo(generation + 1);
    }
}
