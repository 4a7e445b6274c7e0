package dev.fnbundle.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.FreshEntropy;
import dev.fnbundle.common.snapstart.PrimingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * SnapStart, for one API handler: the hook it registers sends its synthetic requests through the real handler
 * (router, wiring, problem rendering) without opening a connection, and a restore re-seeds what must differ between
 * copies. Each function's {@code *ApiHandlerPrimingTest} extends this with its handler and what its priming
 * requests answer.
 */
public abstract class ApiPrimingContract {
    private final RehearsalContext snapStart = new RehearsalContext();
    private final List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
    private final String function;
    private final ApiPriming registered;
    private final List<PrimingRequest> requests;
    private final Supplier<Map<String, String>> environment;
    private final Function<Env, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;

    /**
     * @param function    the name the handler registers its hook under, e.g. "email-poller"
     * @param registered  the hook the handler's static init registered (its {@code PRIMING})
     * @param requests    the handler's priming requests
     * @param environment the function's environment against the local services
     * @param handlers    builds the handler from an environment, as its public constructor does
     */
    protected ApiPrimingContract(String function, ApiPriming registered, List<PrimingRequest> requests,
                                 Supplier<Map<String, String>> environment,
                                 Function<Env, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>
                                         handlers) {
        this.function = function;
        this.registered = registered;
        this.requests = requests;
        this.environment = environment;
        this.handlers = handlers;
    }

    /**
     * What the priming requests answered, in order; the first, the unknown route, is already checked to be a
     * route-not-found problem.
     */
    protected abstract void assertPrimed(List<APIGatewayV2HTTPResponse> responses);

    @Test
    void theHandlerRegistersItsHookDuringItsStaticInit() {
        assertThat(registered).isNotNull();
        assertThat(requests.getFirst().path()).isEqualTo("/_snapstart/prime");
    }

    @Test
    void theCheckpointRunsTheRealHandlerPath_andOpensNoConnection() throws Exception {
        try (var tripwire = ConnectionTripwire.open()) {
            var env = Env.of(tripwire.asAwsEndpoints(environment.get()));
            ApiPriming.register(snapStart, function, () -> {
                var handler = handlers.apply(env);
                return (event, context) -> {
                    var response = handler.handleRequest(event, context);
                    responses.add(response);
                    return response;
                };
            }, requests);

            snapStart.checkpoint();

            assertPrimed(responses);
            assertThat(responses.getFirst().getStatusCode()).isEqualTo(404);
            assertThat(responses.getFirst().getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(responses.getFirst().getBody()).contains("route-not-found");
            assertThat(tripwire.connections()).as("connections to the AWS endpoints").isZero();
        }
    }

    @Test
    void aRestoreReseedsTheJitterEntropy_andPrimesNothing() throws Exception {
        ApiPriming.register(snapStart, function, () -> {
            throw new AssertionError("a restore must not build a handler");
        }, requests);
        long generation = FreshEntropy.generation();

        snapStart.restore();

        assertThat(FreshEntropy.generation()).isEqualTo(generation + 1);
    }
}
