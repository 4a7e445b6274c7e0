package dev.fnbundle.common.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.Router;
import dev.fnbundle.common.testing.RehearsalContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiPrimingTest {
    private final List<APIGatewayV2HTTPEvent> seen = new ArrayList<>();
    private final AtomicInteger built = new AtomicInteger();
    private final RehearsalContext snapStart = new RehearsalContext();

    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler() {
        built.incrementAndGet();
        Router router = Router.builder()
                .route("POST /echo", request -> ApiResponse.ok(request.json(1024)))
                .route("GET /explode", request -> {
                    throw new IllegalStateException("would have called DynamoDB");
                })
                .build();
        return (event, context) -> {
            seen.add(event);
            return router.handle(event, context);
        };
    }

    @Test
    void theCheckpointHookSendsEachRequestThroughOneFreshlyBuiltHandler() throws Exception {
        ApiPriming.register(snapStart, "fn", this::handler, List.of(PrimingRequest.unknownRoute(),
                PrimingRequest.post("/echo", "{\"a\": 1}")));
        assertThat(built).hasValue(0);

        snapStart.checkpoint();

        assertThat(built).hasValue(1);
        assertThat(seen).extracting(APIGatewayV2HTTPEvent::getRawPath).containsExactly("/_snapstart/prime", "/echo");
        assertThat(seen.get(1).getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(seen.get(1).getRouteKey()).isEqualTo("$default");
        assertThat(seen.get(1).getHeaders()).containsEntry("content-type", "application/json");
        assertThat(seen.get(1).getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "snapstart-priming");
    }

    @Test
    void primeReportsEachStatus_andAServerErrorDoesNotStopThePriming() {
        var priming = ApiPriming.register(snapStart, "fn", this::handler, List.of(PrimingRequest.unknownRoute(),
                new PrimingRequest("GET", "/explode", null, null), PrimingRequest.post("/echo", "{}")));

        assertThat(priming.prime()).containsExactly(404, 500, 200);
    }

    @Test
    void aHandlerThatCannotBeBuiltFailsThePrimingQuietly() {
        var priming = ApiPriming.register(snapStart, "fn", () -> {
            throw new IllegalStateException("TABLE_NAME is not set");
        }, List.of(PrimingRequest.unknownRoute(), PrimingRequest.post("/echo", "{}")));

        assertThat(priming.prime()).containsExactly(-1, -1);
    }

    @Test
    void theRestoreHookReseedsTheJitterEntropy() throws Exception {
        ApiPriming.register(snapStart, "fn", this::handler, List.of(PrimingRequest.unknownRoute()));
        long before = FreshEntropy.generation();

        snapStart.restore();

        assertThat(FreshEntropy.generation()).isEqualTo(before + 1);
        assertThat(built).as("a restore primes nothing").hasValue(0);
    }

    @Test
    void primingOnInitIsAskedForWithTheSystemPropertyOrTheEnvironment() {
        String previous = System.getProperty(ApiPriming.PRIME_ON_INIT_PROPERTY);
        try {
            System.setProperty(ApiPriming.PRIME_ON_INIT_PROPERTY, "TRUE");
            assertThat(ApiPriming.primeOnInit()).isTrue();
            System.setProperty(ApiPriming.PRIME_ON_INIT_PROPERTY, "no");
            assertThat(ApiPriming.primeOnInit()).isFalse();
        } finally {
            if (previous == null) {
                System.clearProperty(ApiPriming.PRIME_ON_INIT_PROPERTY);
            } else {
                System.setProperty(ApiPriming.PRIME_ON_INIT_PROPERTY, previous);
            }
        }
    }

    @Test
    void freshEntropyDrawsFromTheUnitInterval() {
        for (int i = 0; i < 1000; i++) {
            assertThat(FreshEntropy.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }
}
