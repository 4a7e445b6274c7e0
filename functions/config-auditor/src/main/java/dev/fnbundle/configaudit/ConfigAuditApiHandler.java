package dev.fnbundle.configaudit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.HttpApiHandler;
import dev.fnbundle.common.http.Router;
import dev.fnbundle.common.idempotency.IdempotencyKey;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.PrimingRequest;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.api.AuditRequests;
import dev.fnbundle.configaudit.api.AuditView;
import dev.fnbundle.configaudit.api.BaselineView;
import dev.fnbundle.configaudit.api.DiffMediaType;
import dev.fnbundle.configaudit.api.EntityTags;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.configaudit.audit.PayloadRejectedException;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The config auditor's HTTP API: ad-hoc audits, approved baselines (versioned, optimistic locking with ETags),
 * audits against them and their drift history, and each audit's diff as a page or as text. Thin: parse, call the
 * services, map the result; errors become problem+json through {@link ConfigAuditProblems}.
 */
public final class ConfigAuditApiHandler implements HttpApiHandler {
    /** Lambda's own request limit; each config side is further limited to 5 MiB by the auditor. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    /** The page runs nothing and loads nothing: inline styles only. */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'; sandbox";

    /** The SnapStart priming: an unknown route, then the real hot path without a storage call. */
    static final List<PrimingRequest> PRIMING_REQUESTS = List.of(PrimingRequest.unknownRoute(),
            PrimingRequest.post("/audits", "{\"name\": \"-bad name\", \"baseline\": \"a=1\\n\", \"format\": \"toml\", "
                    + "\"context\": -1}"));
    /**
     * Primes routing, request parsing and field validation, and problem rendering (an audit itself is stored, so it is
     * not primed) before the snapshot. Last of the static fields: priming on init ({@link ApiPriming#PRIME_ON_INIT})
     * constructs this class while it is being initialised.
     */
    static final ApiPriming PRIMING = ApiPriming.register("config-auditor", ConfigAuditApiHandler::new,
            PRIMING_REQUESTS);

    private final ConfigAuditWiring wiring;
    private final ResponseBudget budget;
    private final Router router;

    public ConfigAuditApiHandler() {
        this(ConfigAuditWiring.fromEnv(), new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
    }

    ConfigAuditApiHandler(ConfigAuditWiring wiring, ResponseBudget budget) {
        this.wiring = wiring;
        this.budget = budget;
        this.router = Router.builder()
                .route("POST /audits", this::createAudit)
                .route("GET /audits/{id}", this::getAudit)
                .route("GET /audits/{id}/diff", this::getDiff)
                .route("PUT /baselines/{name}", this::putBaseline)
                .route("GET /baselines/{name}", this::getBaseline)
                .route("POST /baselines/{name}/audit", this::auditBaseline)
                .route("GET /baselines/{name}/audits", this::history)
                .problems(ConfigAuditProblems.MAPPER)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    Router router() {
        return router;
    }

    private ApiResponse createAudit(ApiRequest request) {
        // The largest body of the API (two whole configs): read straight into the request, without a JSON tree.
        String body = text(request);
        var audit = AuditRequests.audit(body);
        return created(request, () -> Digests.sha256Hex(body), () -> wiring.audits().adHoc(audit, AuditSource.API));
    }

    private ApiResponse auditBaseline(ApiRequest request) {
        String name = request.pathParameter("name");
        String body = text(request);
        var current = AuditRequests.current(parse(body));
        return created(request, () -> Digests.sha256Hex(body), () -> wiring.audits().againstBaseline(name,
                current.current(), current.context(), current.autojunk(), AuditSource.API));
    }

    private ApiResponse getAudit(ApiRequest request) {
        return ApiResponse.ok(budget.fit(AuditView.of(wiring.audits().find(request.pathParameter("id")))));
    }

    private ApiResponse getDiff(ApiRequest request) {
        StoredAudit audit = wiring.audits().find(request.pathParameter("id"));
        var type = DiffMediaType.choose(request.header("accept").orElse(null)).orElseThrow(() ->
                new ProblemException(Problem.of(406, "not-acceptable", "Not acceptable", "the diff is available"
                        + " as text/html (side-by-side page) or text/plain (unified diff)")
                        .with("available", List.of("text/html", "text/plain"))));
        var response = type == DiffMediaType.HTML
                ? ApiResponse.text(200, "text/html", budget.fitHtml(audit))
                        .header("content-security-policy", HTML_POLICY)
                : ApiResponse.text(200, "text/plain", budget.fitText(audit.report().unifiedDiff()));
        return response.header("x-content-type-options", "nosniff").header("referrer-policy", "no-referrer")
                .header("vary", "accept");
    }

    private ApiResponse putBaseline(ApiRequest request) {
        String name = request.pathParameter("name");
        var input = AuditRequests.baseline(parse(text(request)));
        var precondition = EntityTags.precondition(request.header("if-match"), request.header("if-none-match"));
        var result = wiring.baselines().put(name, input, precondition, request.claims().get("sub"));
        var view = BaselineView.of(result.head());
        var response = result.created() ? ApiResponse.created("/baselines/" + name, view) : ApiResponse.ok(view);
        return response.header("etag", EntityTags.of(result.head().version()));
    }

    private ApiResponse getBaseline(ApiRequest request) {
        var head = wiring.baselines().get(request.pathParameter("name"));
        return ApiResponse.ok(BaselineView.of(head)).header("etag", EntityTags.of(head.version()));
    }

    private ApiResponse history(ApiRequest request) {
        String name = request.pathParameter("name");
        int limit = request.limit(20, 100);
        var page = wiring.audits().history(name, limit, request.query(PageTokens.FIELD).orElse(null));
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("items", page.items());
        body.put(PageTokens.FIELD, page.nextToken());
        return ApiResponse.ok(body);
    }

    /**
     * Runs an audit and answers 201. With an {@code Idempotency-Key} header (scoped to the route and its path
     * parameters) a retried request gets the first audit back (marked {@code idempotent-replayed}) instead of a
     * second one; a retry while the first still runs is a 409 with {@code Retry-After}, and reusing a key for
     * another body a 422 (common's idempotency contract).
     */
    private ApiResponse created(ApiRequest request, Supplier<String> bodyDigest, Supplier<StoredAudit> run) {
        Optional<IdempotencyKey> key = request.idempotencyKey();
        StoredAudit audit;
        boolean replayed = false;
        if (key.isEmpty()) {
            audit = run.get();
        } else {
            var outcome = wiring.idempotent().run(key.get(), bodyDigest.get(), () -> Optional.of(run.get()));
            replayed = outcome.replayed();
            audit = replayed ? wiring.audits().find(outcome.auditId()) : outcome.fresh();
        }
        var response = ApiResponse.created("/audits/" + audit.id(), budget.fit(AuditView.of(audit)));
        return replayed ? response.header("idempotent-replayed", "true") : response;
    }

    /** The body as text: a base64 body (what API Gateway does with binary content types) must be valid UTF-8. */
    private static String text(ApiRequest request) {
        if (!request.event().getIsBase64Encoded()) {
            return request.text(MAX_BODY_BYTES);
        }
        byte[] bytes = request.body(MAX_BODY_BYTES);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PayloadRejectedException("body", PayloadRejectedException.Reason.NOT_TEXT, MAX_BODY_BYTES,
                    bytes.length);
        }
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            throw new InvalidFieldsException("body", "is required");
        }
        return Json.parse(body);
    }
}
