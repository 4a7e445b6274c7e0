package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiEventsTest {
    private static final RouteTable.Match MATCH = new RouteTable.Match(new RouteTable.Route("POST /items/{id}",
            "POST", List.of("items", "{id}"), "Fn", null, List.of(), null), Map.of("id", "a b"));

    private static com.fasterxml.jackson.databind.JsonNode build(String contentType, byte[] body) throws Exception {
        var headers = Map.of("Content-Type", List.of(contentType), "Cookie", List.of("a=1; b=2"),
                "X-Many", List.of("1", "2"));
        var request = new ApiEvents.Request("POST", "/items/a%20b", "x=1&x=2&y=%C3%A9&flag", headers, body,
                "127.0.0.1");
        return new ObjectMapper().readTree(ApiEvents.build(request, MATCH, Map.of("sub", "s", "scope", "a b"),
                List.of("a", "b"), "000000000000"));
    }

    @Test
    void the_event_has_api_gateways_payload_2_0_shape() throws Exception {
        var event = build("application/json", "{\"k\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /items/{id}");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("x=1&x=2&y=%C3%A9&flag");
        assertThat(event.get("queryStringParameters").toString())
                .isEqualTo("{\"x\":\"1,2\",\"y\":\"é\",\"flag\":\"\"}");
        assertThat(event.get("headers").get("x-many").asText()).isEqualTo("1,2");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.get("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("a b");
        assertThat(event.get("requestContext").get("authorizer").get("jwt").get("scopes").toString())
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(event.get("body").asText()).isEqualTo("{\"k\":1}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void a_binary_body_is_base64_encoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        var event = build("image/png", png);

        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(png);
    }

    @Test
    void a_text_body_of_json_reads_back_byte_for_byte_with_the_other_fields_intact() throws Exception {
        String body = "{\"graph\": {\"caf\u00e9\": [\"a\\\\b\", \"\ud83d\ude00\"]},\n\t\"x\": \"\u0001\"}";

        var event = build("application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));

        assertThat(event.get("body").asText()).isEqualTo(body);
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("rawPath").asText()).isEqualTo("/items/a%20b");
        assertThat(event.at("/requestContext/authorizer/jwt/claims/sub").asText()).isEqualTo("s");
    }
}
