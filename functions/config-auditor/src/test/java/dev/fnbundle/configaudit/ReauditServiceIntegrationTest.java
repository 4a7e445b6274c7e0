package dev.fnbundle.configaudit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.retry.Retry;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.AuditSummary;
import dev.fnbundle.configaudit.service.BaselineInput;
import dev.fnbundle.configaudit.service.Precondition;
import dev.fnbundle.configaudit.service.ReauditService;
import dev.fnbundle.configaudit.service.ReauditStatus;
import dev.fnbundle.configaudit.testing.Configs;
import dev.fnbundle.configaudit.testing.LocalConfigServer;
import dev.fnbundle.configaudit.testing.LocalConfigServer.Response;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fetch.FetchSettings;
import dev.fnbundle.fetch.SafeHttpFetcher;
import dev.fnbundle.fetch.SsrfGuard;
import dev.fnbundle.fetch.TransientFetchException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The re-audit of a sourced baseline through the real safe fetcher against a config host on loopback, with
 * DynamoDB Local: what is audited, what is retried, what is recorded as a failure.
 */
class ReauditServiceIntegrationTest {
    private static final FetchSettings SETTINGS = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024, 2, "test");
    private static ConfigAuditWiring wiring;
    private static LocalConfigServer server;
    private static SafeHttpFetcher loopbackFetcher;
    private static SafeHttpFetcher publicOnlyFetcher;
    private final List<Duration> waits = new ArrayList<>();
    private final Retry retry = Retry.on(TransientFetchException.class).attempts(3)
            .sleeper(wait -> waits.add(wait)).random(() -> 0.5).build();

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("ConfigAuditTable");
        var env = new HashMap<>(aws.functionEnvironment("ConfigAuditWorkerFunction"));
        env.put(SsrfGuard.ALLOW_LOOPBACK_ENV, "true");
        wiring = ConfigAuditWiring.from(Env.of(env));
        server = new LocalConfigServer();
        loopbackFetcher = new SafeHttpFetcher(new SsrfGuard(true), SETTINGS);
        publicOnlyFetcher = new SafeHttpFetcher(new SsrfGuard(false), SETTINGS);
    }

    @AfterAll
    static void stop() {
        server.close();
        loopbackFetcher.close();
        publicOnlyFetcher.close();
    }

    private ReauditService service(SafeHttpFetcher fetcher) {
        return new ReauditService(wiring.audits(), wiring.baselineStore(), fetcher, retry, Clock.systemUTC(),
                false);
    }

    /** A baseline (the seed template) whose source is {@code path} on the local server. */
    private static String sourced(Response... responses) {
        String name = "re-" + UUID.randomUUID().toString().substring(0, 8);
        server.serve("/" + name, responses);
        wiring.baselines().put(name, new BaselineInput(Configs.TEMPLATE, "ini", List.of("database.*"),
                server.url("/" + name).toString()), new Precondition.None(), "test");
        return name;
    }

    private static ReauditStatus status(String name) {
        return wiring.baselines().get(name).lastReaudit();
    }

    @Test
    void a_transient_failure_is_retried_and_the_drift_recorded() {
        String name = sourced(Response.status(503), Response.status(502), Response.text(Configs.DEPLOYED));

        var result = service(loopbackFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.AUDITED);
        assertThat(server.hits("/" + name)).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(result.audit().report().similarity()).isEqualTo(Configs.SEED_RATIO);
        assertThat(result.audit().source()).isEqualTo(AuditSource.SCHEDULE);
        assertThat(status(name).status()).isEqualTo("ok");
        assertThat(status(name).severity()).isEqualTo("critical");
        assertThat(wiring.audits().history(name, 5, null).items()).extracting(AuditSummary::id)
                .containsExactly(result.audit().id());
    }

    @Test
    void a_source_that_stays_unavailable_is_recorded_and_rethrown_for_the_queue_to_retry() {
        String name = sourced(Response.status(503));

        assertThatThrownBy(() -> service(loopbackFetcher).reaudit(name)).isInstanceOf(TransientFetchException.class);

        assertThat(server.hits("/" + name)).isEqualTo(3);
        assertThat(status(name).status()).isEqualTo("failed");
        assertThat(status(name).problem()).startsWith("source unreachable: HTTP 503");
        assertThat(wiring.audits().history(name, 5, null).items()).isEmpty();
    }

    @Test
    void a_permanent_http_error_is_recorded_without_retrying() {
        String name = sourced(Response.status(404));

        var result = service(loopbackFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.FAILED);
        assertThat(server.hits("/" + name)).isEqualTo(1);
        assertThat(status(name).problem()).contains("HTTP 404");
    }

    @Test
    void loopback_is_refused_unless_the_local_runtime_allows_it() {
        String name = sourced(Response.text(Configs.DEPLOYED));

        var result = service(publicOnlyFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.FAILED);
        assertThat(server.hits("/" + name)).isZero();
        assertThat(status(name).problem()).contains("loopback");
    }

    @Test
    void outside_the_local_runtime_a_source_served_over_plain_http_is_refused() {
        String name = sourced(Response.text(Configs.DEPLOYED));
        var httpsOnly = new ReauditService(wiring.audits(), wiring.baselineStore(), loopbackFetcher, retry,
                Clock.systemUTC(), true);

        var result = httpsOnly.reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.FAILED);
        assertThat(status(name).problem()).contains("not served over https");
        assertThat(wiring.audits().history(name, 5, null).items()).isEmpty();
    }

    @Test
    void a_body_over_the_size_cap_is_refused_while_streaming() {
        String name = sourced(Response.text("a = 1\n".repeat(20_000)));

        var result = service(loopbackFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.FAILED);
        assertThat(status(name).problem()).contains("larger than " + (64 * 1024));
    }

    @Test
    void a_body_that_is_not_valid_utf8_is_refused() {
        byte[] latin1 = "[server]\nhost = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String name = sourced(new Response(200, "text/plain", latin1));

        var result = service(loopbackFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.FAILED);
        assertThat(status(name).problem()).contains("not text");
    }

    @Test
    void a_declared_charset_is_honoured() {
        byte[] latin1 = Configs.DEPLOYED.replace("db.internal", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        String name = sourced(new Response(200, "text/plain; charset=iso-8859-1", latin1));

        var result = service(loopbackFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.AUDITED);
        assertThat(result.audit().report().unifiedDiff()).contains("+host = caf\u00e9\n");
    }

    @Test
    void a_deployed_config_that_does_not_parse_is_recorded_with_line_and_column() {
        String name = sourced(Response.text("[server\nport = 1\n"));

        var result = service(loopbackFetcher).reaudit(name);

        assertThat(result.result()).isEqualTo(ReauditService.Result.FAILED);
        assertThat(status(name).problem()).startsWith("current: ini parse error at line 1, column");
    }

    @Test
    void a_baseline_without_a_source_or_unknown_is_skipped() {
        String plain = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        wiring.baselines().put(plain, new BaselineInput("a=1\n", null, null, null), new Precondition.None(), null);

        assertThat(service(loopbackFetcher).reaudit(plain).result()).isEqualTo(ReauditService.Result.SKIPPED);
        assertThat(service(loopbackFetcher).reaudit("no-such-" + plain).result())
                .isEqualTo(ReauditService.Result.SKIPPED);
    }
}
