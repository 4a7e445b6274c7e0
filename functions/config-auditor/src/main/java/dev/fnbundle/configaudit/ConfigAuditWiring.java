package dev.fnbundle.configaudit;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.fetch.FetchSettings;
import dev.fnbundle.common.fetch.SafeHttpFetcher;
import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.common.fetch.TransientFetchException;
import dev.fnbundle.common.idempotency.IdempotencyStore;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.configaudit.audit.AuditLimits;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.aws.DynamoAuditStore;
import dev.fnbundle.configaudit.aws.DynamoBaselineStore;
import dev.fnbundle.configaudit.aws.SqsReauditDispatcher;
import dev.fnbundle.configaudit.service.AuditService;
import dev.fnbundle.configaudit.service.BaselineService;
import dev.fnbundle.configaudit.service.IdempotentAudits;
import dev.fnbundle.configaudit.service.ReauditFanOut;
import dev.fnbundle.configaudit.service.ReauditService;
import dev.fnbundle.configaudit.service.SourceUrlPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Everything the config auditor's handlers use, built once per execution environment: the DynamoDB client and
 * stores, and the plain-Java services over them.
 *
 * @param guard the SSRF guard, shared by the source-URL check at approval time and the re-audit's fetcher
 */
public record ConfigAuditWiring(ConfigAuditConfig config, AuditService audits, BaselineService baselines,
                                IdempotentAudits idempotent, DynamoBaselineStore baselineStore, SsrfGuard guard,
                                Clock clock) {
    /** The largest compressed report stored: ~94 chunks; only near-total rewrites of 5 MB configs come close. */
    static final long MAX_STORED_REPORT_BYTES = 32L * 1024 * 1024;
    /** A source is fetched like a feed, with the audit's 5 MiB cap: larger bodies are refused while streaming. */
    static final FetchSettings FETCH = new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20), AuditLimits.defaults().maxBytesPerSide(), 5, "fnbundle-config-auditor/1.0");

    public static ConfigAuditWiring fromEnv() {
        return from(Env.system());
    }

    public static ConfigAuditWiring from(Env env) {
        return from(env, Clock.systemUTC());
    }

    static ConfigAuditWiring from(Env env, Clock clock) {
        var config = ConfigAuditConfig.from(env);
        var dynamo = AwsClients.dynamoDb(env);
        var auditor = new DriftAuditor();
        var baselineStore = new DynamoBaselineStore(dynamo, config.table());
        var auditStore = new DynamoAuditStore(dynamo, config.table(), MAX_STORED_REPORT_BYTES,
                PageTokens.inTable(dynamo, config.table(), clock));
        var guard = new SsrfGuard(config.allowLoopbackFetch());
        var audits = new AuditService(auditor, auditStore, baselineStore, clock, () -> UUID.randomUUID().toString(),
                config.auditRetention());
        var baselines = new BaselineService(auditor, baselineStore, new SourceUrlPolicy(guard), clock);
        // Queue redeliveries and a DLQ redrive can come days later: keep request ids for two weeks.
        var idempotency = new IdempotencyStore(dynamo, config.table(), "pk", "sk", Duration.ofMinutes(10),
                Duration.ofDays(14), clock);
        return new ConfigAuditWiring(config, audits, baselines, new IdempotentAudits(idempotency), baselineStore,
                guard, clock);
    }

    /** The re-audit over {@code fetcher}, retrying transient fetch failures (3 attempts within 30 s). */
    public ReauditService reaudits(SafeHttpFetcher fetcher) {
        Retry retry = Retry.on(TransientFetchException.class).attempts(3).waitInitial(Duration.ofMillis(500))
                .waitMax(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(30)).build();
        return new ReauditService(audits, baselineStore, fetcher, retry, clock, !config.allowLoopbackFetch());
    }

    /** The fetcher the re-audit uses: the shared safe fetcher with this function's guard. */
    public SafeHttpFetcher fetcher() {
        return new SafeHttpFetcher(guard, FETCH);
    }

    /** The scheduled fan-out: needs REAUDIT_QUEUE_URL besides the table. */
    public static ReauditFanOut fanOut(Env env) {
        var config = ConfigAuditConfig.from(env);
        return new ReauditFanOut(new DynamoBaselineStore(AwsClients.dynamoDb(env), config.table()),
                new SqsReauditDispatcher(AwsClients.sqs(env), env.required("REAUDIT_QUEUE_URL")));
    }
}
