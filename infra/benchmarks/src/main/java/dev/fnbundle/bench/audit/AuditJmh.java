package dev.fnbundle.bench.audit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.bench.report.CpuWarmup;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.configaudit.BenchHandler;
import dev.fnbundle.configaudit.ConfigAuditApiHandler;
import dev.fnbundle.configaudit.ConfigAuditWiring;
import dev.fnbundle.configaudit.api.AuditRequests;
import dev.fnbundle.configaudit.api.AuditView;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.configaudit.audit.AuditPhases;
import dev.fnbundle.configaudit.audit.AuditReport;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.aws.BenchCodec;
import dev.fnbundle.configaudit.aws.DynamoAuditStore;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.secrets.SecretRedactor;
import dev.fnbundle.configaudit.semantic.KeyDrift;
import dev.fnbundle.configaudit.semantic.ParsedConfig;
import dev.fnbundle.configaudit.service.AuditService;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import dev.fnbundle.embedded.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JMH benchmarks of {@code POST /audits} on two 20 000-line INI configs ({@link AuditInputs}), in process: the
 * handler end to end over DynamoDB Local (started in the benchmark JVM, as the tests do), the same handler over an
 * in-memory repository that still encodes what it stores, the auditor alone, and each phase on its own.
 */
@State(Scope.Benchmark)
public class AuditJmh {
    private final AuditInputs inputs = AuditInputs.of();
    private final AuditRequest request = inputs.request();
    private final DriftAuditor auditor = new DriftAuditor();
    private final ResponseBudget budget = new ResponseBudget(ResponseBudget.DEFAULT_BYTES);
    private APIGatewayV2HTTPEvent event;
    private String body;
    private ConfigAuditApiHandler overDynamo;
    private ConfigAuditApiHandler inMemory;
    private DynamoAuditStore store;
    private StoredAudit stored;
    private Object validated;
    private ParsedConfig[] sides;
    private SecretRedactor redactor;
    private KeyDrift keyDrift;
    private SequenceMatcher<String> matcher;

    /** Milliseconds of CPU time each fork spends on the measured call before JMH's own warm-up iterations. */
    static final long WARMUP_CPU_MS = 1000;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws ReflectiveOperationException {
        String name = params.getBenchmark();
        name = name.substring(name.lastIndexOf('.') + 1);
        wirePhases();
        // DynamoDB Local takes seconds to start: only the forks that measure a handler or the store pay for it.
        if (name.startsWith("handler") || name.equals("phaseStore")) {
            wireHandlers();
        }
        java.lang.reflect.Method measured = AuditJmh.class.getMethod(name);
        System.out.println(CpuWarmup.run(() -> {
            try {
                return measured.invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }, WARMUP_CPU_MS));
    }

    private void wirePhases() {
        event = inputs.event();
        body = inputs.body();
        stored = new StoredAudit(UUID.randomUUID().toString(), Instant.now(), AuditSource.API, null,
                auditor.audit(request));
        validated = AuditPhases.validate(request);
        sides = AuditPhases.read(validated);
        redactor = AuditPhases.redactor(sides);
        keyDrift = AuditPhases.keyDrift(validated, sides, redactor);
        matcher = AuditPhases.match(validated);
    }

    private void wireHandlers() {
        var aws = LocalAws.shared();
        String table = aws.provisionTable("ConfigAuditTable");
        var wiring = ConfigAuditWiring.from(Env.of(aws.functionEnvironment("ConfigAuditApiFunction")));
        overDynamo = BenchHandler.over(wiring);
        var audits = new AuditService(new DriftAuditor(), new InMemoryAudits(), wiring.baselineStore(),
                Clock.systemUTC(), () -> UUID.randomUUID().toString(), Duration.ofDays(90));
        inMemory = BenchHandler.over(new ConfigAuditWiring(wiring.config(), audits, wiring.baselines(),
                wiring.idempotent(), wiring.baselineStore(), wiring.guard(), wiring.clock()));
        store = new DynamoAuditStore(aws.dynamoDb(), table, 32L * 1024 * 1024,
                PageTokens.inTable(aws.dynamoDb(), table, Clock.systemUTC()));
    }

    /** The handler end to end: body → JSON, audit, stored in DynamoDB Local (gzip JSON, SDK), 201 response. */
    @Benchmark
    public APIGatewayV2HTTPResponse handler() {
        return overDynamo.handleRequest(event, null);
    }

    /** The same handler, storing into memory: everything but the DynamoDB round trip. */
    @Benchmark
    public APIGatewayV2HTTPResponse handlerInMemory() {
        return inMemory.handleRequest(event, null);
    }

    /** The auditor alone: the report from the request. */
    @Benchmark
    public AuditReport audit() {
        return auditor.audit(request);
    }

    /** Phase: the request body parsed and read as an audit request. */
    @Benchmark
    public AuditRequest phaseBody() {
        // As the handler reads it: the event's body text read straight into the request.
        return AuditRequests.audit(body);
    }

    /** Phase: validation, UTF-8 size and text checks, both sides cut into lines. */
    @Benchmark
    public Object phaseValidate() {
        return AuditPhases.validate(request);
    }

    /** Phase: both sides read as INI. */
    @Benchmark
    public ParsedConfig[] phaseRead() {
        return AuditPhases.read(validated);
    }

    /** Phase: secret values collected and key drift computed and masked. */
    @Benchmark
    public KeyDrift phaseKeyDrift() {
        return AuditPhases.keyDrift(validated, sides, AuditPhases.redactor(sides));
    }

    /** Phase: the line matcher (interning, index, matching blocks). */
    @Benchmark
    public SequenceMatcher<String> phaseMatch() {
        return AuditPhases.match(validated);
    }

    /** Phase: masking of shown lines, the seed's result, the unified diff and the side-by-side hunks. */
    @Benchmark
    public AuditReport phaseReport() {
        return AuditPhases.report(validated, sides, redactor, keyDrift, matcher);
    }

    /** Phase: the stored form (JSON streamed into gzip). */
    @Benchmark
    public byte[] phaseEncode() {
        return BenchCodec.encode(stored);
    }

    /** Phase: the stored form written to DynamoDB Local (encode included). */
    @Benchmark
    public StoredAudit phaseStore() {
        StoredAudit copy = new StoredAudit(UUID.randomUUID().toString(), stored.createdAt(), stored.source(),
                null, stored.report());
        store.save(copy, Instant.now().plus(Duration.ofDays(1)));
        return copy;
    }

    /** Phase: the 201 answer (view, response-size check, JSON) as the handler builds it. */
    @Benchmark
    public APIGatewayV2HTTPResponse phaseResponse() {
        return ApiResponse.created("/audits/" + stored.id(), budget.fit(AuditView.of(stored))).toGatewayResponse();
    }
}
