package dev.fnbundle.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.HttpApiHandler;
import dev.fnbundle.common.http.Router;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.PrimingRequest;
import dev.fnbundle.orders.runs.RunService;
import java.util.List;
import java.util.Set;

/**
 * The order-resolver's HTTP API: dependency ordering, package resolution and durable runs. Thin: parse, call the
 * core, map the result; errors become problem+json through {@link OrdersProblems}.
 */
public final class OrdersApiHandler implements HttpApiHandler {
    /** Lambda's own request limit; larger bodies never arrive, but a test event could carry one. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    private static final int MAX_DONE_BODY_BYTES = 1024 * 1024;

    /** The SnapStart priming: an unknown route, then the real hot path without a storage call. */
    static final List<PrimingRequest> PRIMING_REQUESTS = List.of(PrimingRequest.unknownRoute(),
            PrimingRequest.post("/orders/resolve",
                    "{\"graph\": {\"build\": [\"test\"], \"test\": [\"lint\"], \"lint\": []}}"),
            PrimingRequest.post("/packages/resolve", "{\"packages\": [{\"name\": \"app\", \"version\": \"1.0.0\", "
                    + "\"requires\": [\"lib\"]}, {\"name\": \"lib\", \"version\": \"2.0.0\", \"requires\": []}]}"));
    /**
     * Primes routing, graph reading and ordering, package resolution and problem rendering before the snapshot. Last of
     * the static fields: priming on init ({@link ApiPriming#PRIME_ON_INIT}) constructs this class while it is being
     * initialised.
     */
    static final ApiPriming PRIMING = ApiPriming.register("order-resolver", OrdersApiHandler::new,
            PRIMING_REQUESTS);

    private final OrdersWiring wiring;
    private final Router router;

    public OrdersApiHandler() {
        this(OrdersWiring.fromEnv());
    }

    OrdersApiHandler(OrdersWiring wiring) {
        this.wiring = wiring;
        this.router = Router.builder()
                .route("POST /orders/resolve", this::resolve)
                .route("POST /packages/resolve", this::resolvePackages)
                .route("POST /runs", this::startRun)
                .route("POST /runs/{id}/done", this::done)
                .route("GET /runs/{id}", this::status)
                .problems(OrdersProblems.MAPPER)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    Router router() {
        return router;
    }

    private ApiResponse resolve(ApiRequest request) {
        // The body's bytes as the event arrived, where kept: no String of a body of megabytes, encoded back.
        var graph = request.utf8Text(MAX_BODY_BYTES)
                .map(body -> wiring.graphs().readRequestText(body.bytes(), body.length()))
                .orElseGet(() -> wiring.graphs().readRequest(request.text(MAX_BODY_BYTES)));
        return ApiResponse.ok(ResolutionJson.of(wiring.resolver().resolve(graph.graph(), graph.strict())));
    }

    private ApiResponse resolvePackages(ApiRequest request) {
        var body = PackageRequestReader.read(request.json(MAX_BODY_BYTES));
        return ApiResponse.ok(wiring.packages().resolve(body.packages(), body.roots()));
    }

    /**
     * Starts a run. With an {@code Idempotency-Key} header a retried request gets the first answer instead of a
     * second run; a retry while the first is still running is a 409 with {@code Retry-After}, and reusing a key for
     * a different body a 422 (common's idempotency contract).
     */
    private ApiResponse startRun(ApiRequest request) {
        String body = request.text(MAX_BODY_BYTES);
        var key = request.idempotencyKey();
        if (key.isEmpty()) {
            var run = start(body);
            return ApiResponse.created("/runs/" + run.runId(), run);
        }
        var outcome = wiring.idempotency().execute(key.get(), Digests.sha256Hex(body),
                () -> Json.write(start(body)));
        var run = Json.read(outcome.result(), RunService.StartedRun.class);
        var response = ApiResponse.created("/runs/" + run.runId(), run);
        return outcome.replayed() ? response.header("idempotent-replayed", "true") : response;
    }

    private RunService.StartedRun start(String body) {
        var graph = wiring.graphs().readRequest(body, Set.of(RunService.AUTO_COMPLETE));
        return wiring.runs().start(graph);
    }

    private ApiResponse done(ApiRequest request) {
        var v = request.jsonObject(MAX_DONE_BODY_BYTES);
        var nodes = v.optionalTextList("nodes", 10_000, 1_000);
        if (nodes.isEmpty() && v.isValid()) {
            v.reject("nodes", "must name at least one node");
        }
        v.throwIfInvalid();
        return ApiResponse.ok(wiring.runs().complete(request.pathParameter("id"), nodes));
    }

    private ApiResponse status(ApiRequest request) {
        var run = wiring.runs().status(request.pathParameter("id"));
        return ApiResponse.ok(RunView.of(run));
    }
}
