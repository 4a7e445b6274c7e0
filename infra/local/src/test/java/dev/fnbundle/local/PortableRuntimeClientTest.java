package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.local.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portable runtime client (for systems without the Runtime Interface Client's native code) gives functions
 * the same events and the runtime the same answers as the RIC: the expectations here are those of
 * {@link LocalRuntimeTest}, which runs the same fixtures through the RIC.
 */
class PortableRuntimeClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static BundleRuntime stack;

    @BeforeAll
    static void start() throws Exception {
        Path template = FixtureStack.create();
        var options = Options.parse(List.of("start", "--template", template.toString(), "--port", "0", "--no-mail",
                "--max-instances", "1", "--dynamodb-port", "0", "--sqs-port", "0", "--runtime-client", "portable"),
                template.getParent());
        stack = BundleRuntime.start(options, new Console(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8),
                false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_http_api_event_and_its_structured_response_round_trip() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/items/p1?x=1&x=2"))
                .header("Authorization", "Bearer " + stack.devToken()).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().allValues("set-cookie")).contains("seen=1");
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.path("routeKey").asText()).isEqualTo("POST /items/{id}");
        assertThat(body.path("sub").asText()).isEqualTo("local-dev");
        assertThat(body.path("query").asText()).contains("x=1,2");
        assertThat(body.path("memory").asInt()).isEqualTo(256);
    }

    @Test
    void an_sqs_batch_response_serializes_like_lambdas() throws Exception {
        var response = invoke("BatchFunction", "{\"Records\":[{\"messageId\":\"bad\",\"body\":\"poison\"},"
                + "{\"messageId\":\"good\",\"body\":\"portable\"}]}");

        assertThat(MAPPER.readTree(response.body()))
                .isEqualTo(MAPPER.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"bad\"}]}"));
    }

    @Test
    void a_plain_map_event_and_a_string_result_work() throws Exception {
        assertThat(invoke("CrashFunction", "{}").body()).isEqualTo("\"alive\"");
    }

    @Test
    void a_thrown_exception_is_lambdas_error_document_and_a_crash_is_survived() throws Exception {
        var thrown = invoke("CrashFunction", "{\"do\":\"throw\"}");
        var crashed = invoke("CrashFunction", "{\"do\":\"exit\"}");
        var after = invoke("CrashFunction", "{}");

        assertThat(thrown.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(MAPPER.readTree(thrown.body()).path("errorType").asText())
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(MAPPER.readTree(thrown.body()).path("errorMessage").asText()).isEqualTo("asked to fail");
        assertThat(MAPPER.readTree(thrown.body()).path("stackTrace").isArray()).isTrue();
        assertThat(MAPPER.readTree(crashed.body()).path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(after.body()).isEqualTo("\"alive\"");
    }

    private static HttpResponse<String> invoke(String function, String event) throws Exception {
        return send(HttpRequest.newBuilder(uri("/2015-03-31/functions/" + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + stack.port() + path);
    }
}
