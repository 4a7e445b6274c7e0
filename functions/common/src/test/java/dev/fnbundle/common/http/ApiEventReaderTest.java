package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stream entry point reads an event into the very object the Lambda runtime client's serializer builds: checked
 * against that serializer (aws-lambda-java-serialization, what the RIC runs) on every HTTP API event in events/.
 */
class ApiEventReaderTest {
    private static final PojoSerializer<APIGatewayV2HTTPEvent> RIC = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, ApiEventReaderTest.class.getClassLoader());

    /** Every payload 2.0 HTTP API event of every function in the root events/ folder. */
    static Stream<Path> httpApiEvents() throws IOException, URISyntaxException {
        Path events = Path.of(ApiEventReaderTest.class.getResource("/order-resolver").toURI()).getParent();
        List<Path> files;
        try (Stream<Path> all = Files.walk(events)) {
            files = all.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        var http = files.stream().filter(f -> read(f).contains("\"rawPath\"")).toList();
        assertThat(http).as("HTTP API events in " + events).hasSizeGreaterThan(50);
        return http.stream();
    }

    @ParameterizedTest
    @MethodSource("httpApiEvents")
    void every_sample_event_reads_into_what_the_runtime_clients_serializer_builds(Path file) throws IOException {
        byte[] json = Files.readAllBytes(file);

        APIGatewayV2HTTPEvent ours = ApiEventReader.read(new ByteArrayInputStream(json));

        assertThat(ours).isEqualTo(RIC.fromJson(new ByteArrayInputStream(json)));
    }

    @Test
    void a_base64_body_stays_encoded_with_its_flag_numeric_claims_become_text_and_cookies_and_query_are_kept()
            throws IOException {
        String json = """
                {"version": "2.0", "routeKey": "$default", "rawPath": "/a b", "rawQueryString": "x=1&x=2",
                 "cookies": ["a=1", "b=2"], "headers": {"content-type": "application/octet-stream", "x": ""},
                 "queryStringParameters": {"x": "1,2"}, "pathParameters": {"id": "r-1"},
                 "stageVariables": {"s": "v"}, "unknownField": {"deep": [1, {"x": null}]},
                 "requestContext": {"accountId": "1", "apiId": "a", "domainName": "d", "domainPrefix": "p",
                   "authorizer": {"jwt": {"claims": {"sub": "u", "exp": 1893456000, "admin": true},
                   "scopes": ["s1", "s2"]}, "lambda": {"k": [1, "two"]}},
                   "http": {"method": "POST", "path": "/a b", "protocol": "HTTP/1.1", "sourceIp": "::1",
                            "userAgent": "ua", "extra": 1},
                   "requestId": "id-1", "routeKey": "$default", "stage": "$default",
                   "time": "01/Jan/2026:00:00:00 +0000", "timeEpoch": 1767225600000},
                 "body": "AAEC/w==", "isBase64Encoded": true}
                """;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        APIGatewayV2HTTPEvent event = ApiEventReader.read(bytes);

        assertThat(event).isEqualTo(RIC.fromJson(new ByteArrayInputStream(bytes)));
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(event.getBody()).isEqualTo("AAEC/w==");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("exp", "1893456000").containsEntry("admin", "true");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1767225600000L);
    }

    @Test
    void a_text_body_with_escapes_and_non_ascii_reads_as_the_same_string() throws IOException {
        String body = "{\"graph\": {\"caf\\u00e9 \\\"x\\\"\": [\"\\ud83d\\ude00\\n\"]}}";
        String json = "{\"version\":\"2.0\",\"rawPath\":\"/orders/resolve\",\"body\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(body) + ",\"isBase64Encoded\":false}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(ApiEventReader.read(bytes).getBody()).isEqualTo(body);
        assertThat(ApiEventReader.read(bytes)).isEqualTo(RIC.fromJson(new ByteArrayInputStream(bytes)));
    }

    @Test
    void the_fields_after_a_decoded_body_are_read_as_the_runtime_client_reads_them() throws IOException {
        for (String json : List.of(
                "{\"body\":\"{\\\"a\\\": 1}\",\"version\":\"2.0\",\"headers\":{\"x\":\"y\"},"
                        + "\"requestContext\":{\"http\":{\"method\":\"POST\"},\"timeEpoch\":5},"
                        + "\"isBase64Encoded\":false, \"unknown\": [1, {\"body\": 2}]}",
                "{\"version\":\"2.0\",\"body\":\"last\"}",
                "{\"body\" : \"spaced\" , \"isBase64Encoded\" : true }")) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

            assertThat(ApiEventReader.read(bytes)).as(json).isEqualTo(RIC.fromJson(new ByteArrayInputStream(bytes)));
        }
    }

    @Test
    void a_second_body_field_replaces_the_first_as_with_the_runtime_client() throws IOException {
        for (String json : List.of("{\"body\":\"first\",\"body\":\"second\",\"version\":\"2.0\"}",
                "{\"body\":\"first\",\"body\":\"lone \\ud800\",\"isBase64Encoded\":false}",
                "{\"body\":\"lone \\ud800\",\"body\":\"second\",\"isBase64Encoded\":false}")) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

            assertThat(ApiEventReader.read(bytes)).as(json).isEqualTo(RIC.fromJson(new ByteArrayInputStream(bytes)));
        }
    }

    @Test
    void broken_json_after_a_decoded_body_is_an_io_error() {
        for (String bad : List.of("{\"body\":\"x\"", "{\"body\":\"x\" \"y\"}", "{\"body\":\"x\"}}",
                "{\"body\":\"x\"} {}", "{\"body\":\"x\",}")) {
            assertThatThrownBy(() -> ApiEventReader.read(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void null_fields_stay_null_as_with_the_runtime_client() throws IOException {
        byte[] bytes = ("{\"version\":\"2.0\",\"headers\":null,\"cookies\":null,\"body\":null,"
                + "\"requestContext\":{\"http\":null,\"authorizer\":{\"jwt\":null}},\"isBase64Encoded\":null}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ApiEventReader.read(bytes)).isEqualTo(RIC.fromJson(new ByteArrayInputStream(bytes)));
    }

    @Test
    void what_is_no_json_object_is_an_io_error_as_the_invocation_fails_with_the_runtime_client() {
        for (String bad : List.of("", "[]", "{\"version\": ", "{} {}", "{\"headers\": [1]}")) {
            assertThatThrownBy(() -> ApiEventReader.read(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IOException.class);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
