package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.local.observe.InvocationRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda's Invoke API, driven by the AWS SDK for Java's own Lambda client, as the AWS CLI and SDK users do. */
class InvokeApiTest {
    private static LambdaClient lambda;

    @BeforeAll
    static void client() {
        lambda = LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + FixtureRuntime.shared()
                        .port())).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void close() {
        lambda.close();
    }

    @Test
    void a_request_response_invocation_returns_the_payload_and_the_executed_version() {
        var response = invoke(b -> b.functionName("CrashFunction").payload(json("{}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("\"alive\"");
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.functionError()).isNull();
    }

    @Test
    void a_failure_is_flagged_unhandled_with_lambdas_error_document() {
        var response = invoke(b -> b.functionName("CrashFunction").payload(json("{\"do\":\"throw\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("\"errorType\":\"java.lang.IllegalStateException\"")
                .contains("\"errorMessage\":\"asked to fail\"");
    }

    @Test
    void log_type_tail_returns_the_invocations_own_log_with_start_end_and_report() {
        var response = invoke(b -> b.functionName("CrashFunction").logType(LogType.TAIL)
                .payload(json("{\"say\":\"tail me\"}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        String requestId = response.responseMetadata().requestId();
        assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST\n")
                .contains("crash handler got {say=tail me}\n")
                .contains("END RequestId: " + requestId + "\n")
                .containsPattern("REPORT RequestId: " + requestId + "\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
                        + "\tMemory Size: 256 MB\tMax Memory Used: \\d+ MB");
        assertThat(log.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    }

    @Test
    void a_dry_run_checks_the_function_and_runs_nothing() {
        int before = FixtureRuntime.shared().recorder().invocations().size();

        var response = invoke(b -> b.functionName("CrashFunction").invocationType(InvocationType.DRY_RUN)
                .payload(json("{\"do\":\"exit\"}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(FixtureRuntime.shared().recorder().invocations().stream()
                .skip(before).filter(r -> r.function().equals("CrashFunction"))).isEmpty();
    }

    @Test
    void an_event_is_accepted_at_once_and_a_failing_one_is_retried_twice_under_its_request_id() throws Exception {
        var response = invoke(b -> b.functionName("CrashFunction").invocationType(InvocationType.EVENT)
                .payload(json("{\"do\":\"throw\",\"count\":\"async\"}")));
        String requestId = response.responseMetadata().requestId();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        String dropped = InvocationReportTest.awaitConsoleLine("asynchronous invocation " + requestId + " dropped");
        assertThat(dropped).contains("after 3 attempt(s)");
        List<InvocationRecord> attempts = FixtureRuntime.shared().recorder().invocations().stream()
                .filter(r -> r.requestId().equals(requestId)).toList();
        assertThat(attempts).extracting(r -> r.trigger().detail())
                .containsExactly("Event", "Event retry 1 of 2", "Event retry 2 of 2");
        assertThat(attempts).allSatisfy(r -> assertThat(r.status()).isEqualTo("error"));
        assertThat(hits("attempts#async#" + requestId)).isEqualTo(3);
        assertThat(FixtureRuntime.console()).contains("asynchronous invocation " + requestId
                + " failed (error java.lang.IllegalStateException); retry 1 of 2 in 300 ms");
    }

    @Test
    void a_function_is_found_by_name_or_arn_and_an_unknown_one_or_qualifier_is_not_found() {
        var physical = FixtureRuntime.shared().model().functions().get("CrashFunction").name();
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:" + physical;

        assertThat(invoke(b -> b.functionName(arn).payload(json("{}"))).payload().asUtf8String())
                .isEqualTo("\"alive\"");
        assertThat(invoke(b -> b.functionName(physical).qualifier("$LATEST").payload(json("{}"))).statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> invoke(b -> b.functionName("NoSuchFunction").payload(json("{}"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Function not found");
        assertThatThrownBy(() -> invoke(b -> b.functionName(arn + ":live").payload(json("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_payload_over_six_megabytes_is_refused_as_lambda_refuses_it() {
        byte[] big = ("\"" + "x".repeat(6 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> invoke(b -> b.functionName("CrashFunction").payload(SdkBytes.fromByteArray(big))))
                .isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void an_unknown_invocation_type_is_a_400() throws Exception {
        int port = FixtureRuntime.shared().port();

        assertThat(RawHttp.status(port, "POST", "/2015-03-31/functions/CrashFunction/invocations",
                "Host: localhost:" + port + "\r\nX-Amz-Invocation-Type: Sometimes")).isEqualTo(400);
    }

    private static InvokeResponse invoke(
            java.util.function.Consumer<software.amazon.awssdk.services.lambda.model.InvokeRequest.Builder> request) {
        return lambda.invoke(request);
    }

    private static SdkBytes json(String text) {
        return SdkBytes.fromUtf8String(text);
    }

    private static long hits(String key) throws InterruptedException {
        var runtime = FixtureRuntime.shared();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long hits = 0;
        while (System.nanoTime() < deadline) {
            var item = runtime.aws().dynamoDb().getItem(b -> b.tableName(runtime.model().table("FixtureTable").name())
                    .key(Map.of("pk", AttributeValue.fromS(key))).consistentRead(true)).item();
            hits = item == null || !item.containsKey("hits") ? 0 : Long.parseLong(item.get("hits").n());
            if (hits >= 3) {
                return hits;
            }
            Thread.sleep(100);
        }
        return hits;
    }
}
