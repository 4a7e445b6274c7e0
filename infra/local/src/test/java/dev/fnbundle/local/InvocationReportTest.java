package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.LogLevel;
import dev.fnbundle.local.observe.LogLine;
import dev.fnbundle.local.observe.Trigger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console shows each invocation as Lambda reports it, and the functions' own log lines behind their name. */
class InvocationReportTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void each_invocation_gets_lambdas_report_line_and_its_trigger() throws Exception {
        String requestId = requestIdOf(get("/items/report-1"));

        String report = awaitConsoleLine("REPORT RequestId: " + requestId);
        assertThat(report).matches(".*REPORT RequestId: " + requestId + "  Duration: \\d+\\.\\d\\d ms  Billed"
                + " Duration: \\d+ ms  Memory Size: 256 MB  Max Memory Used: \\d+ MB");
        assertThat(consoleLineBefore(report)).contains("EchoFunction").contains("route GET /items/{id}")
                .contains("ok");
        InvocationRecord record = FixtureRuntime.shared().recorder().invocation(requestId).orElseThrow();
        assertThat(record.trigger()).isEqualTo(Trigger.route("GET /items/{id}"));
        assertThat(record.billedMillis()).isGreaterThanOrEqualTo((long) Math.ceil(record.durationMillis()));
        assertThat(record.maxMemoryUsedMb()).isBetween(16, 4096);
        assertThat(record.event()).contains("\"rawPath\":\"/items/report-1\"");
        assertThat(record.response()).contains("\"statusCode\":201");
    }

    @Test
    void a_cold_start_reports_its_init_duration_and_bills_it() throws Exception {
        invoke("{\"do\":\"exit\"}");
        invoke("{}");

        InvocationRecord cold = FixtureRuntime.shared().recorder().invocations().stream()
                .filter(r -> r.function().equals("CrashFunction") && r.succeeded()).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(cold.cold()).isTrue();
        assertThat(cold.trigger().kind()).isEqualTo(Trigger.Kind.INVOKE);
        assertThat(cold.billedMillis()).isEqualTo((long) Math.ceil(cold.durationMillis() + cold.initMillis()));
        assertThat(awaitConsoleLine("REPORT RequestId: " + cold.requestId()))
                .matches(".*Max Memory Used: \\d+ MB  Init Duration: \\d+\\.\\d\\d ms");
    }

    @Test
    void function_log_lines_are_streamed_with_the_functions_name_and_their_request_id() throws Exception {
        String requestId = requestIdOf(get("/items/logs-1?fail-log=1"));

        awaitConsoleLine("EchoFunction | echo logs-1 served by request " + requestId);
        assertThat(awaitConsoleLine("EchoFunction | ! ERROR echo was asked to log a failure")).isNotNull();
        var lines = FixtureRuntime.shared().recorder().logsOf("EchoFunction", requestId);
        assertThat(lines).extracting(LogLine::text)
                .contains("echo logs-1 served by request " + requestId, "ERROR echo was asked to log a failure");
        assertThat(lines).filteredOn(line -> line.text().startsWith("ERROR")).extracting(LogLine::level)
                .containsOnly(LogLevel.ERROR);
    }

    @Test
    void the_log_files_keep_every_line_as_the_function_printed_it() throws Exception {
        String requestId = requestIdOf(get("/items/file-1"));
        var log = FixtureRuntime.directory().resolve("target/local/logs/EchoFunction.log");

        awaitConsoleLine("EchoFunction | echo file-1 served by request " + requestId);
        assertThat(java.nio.file.Files.readString(log)).contains("echo file-1 served by request " + requestId + "\n");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(FixtureRuntime.uri(path))
                .header("Authorization", "Bearer " + FixtureRuntime.shared().devToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> invoke(String event) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(FixtureRuntime.uri("/2015-03-31/functions/CrashFunction/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String requestIdOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(201);
        return MAPPER.readTree(response.body()).path("requestId").asText();
    }

    /** The console line containing {@code text}, waiting for it to be printed. */
    static String awaitConsoleLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : FixtureRuntime.console().split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no console line with '" + text + "':\n" + FixtureRuntime.console());
    }

    private static String consoleLineBefore(String line) {
        String console = FixtureRuntime.console();
        int at = console.indexOf(line);
        String before = console.substring(0, at).stripTrailing();
        return before.substring(before.lastIndexOf('\n') + 1);
    }
}
