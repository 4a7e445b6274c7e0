package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What users of API Gateway rely on, run locally: the HTTP API's CorsConfiguration, routes' AuthorizationScopes,
 * and tokens from a real identity provider (here a local one, {@link JwksServer}) through {@code --jwks-url}.
 */
class ApiGatewayBehaviourTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String APP = "https://app.example";

    @Test
    void a_preflight_is_answered_by_the_gateway_without_a_token() throws Exception {
        var response = send(HttpRequest.newBuilder(FixtureRuntime.uri("/items/a"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).contains(APP);
        assertThat(response.headers().firstValue("access-control-allow-methods")).contains("GET,POST");
        assertThat(response.headers().firstValue("access-control-allow-headers"))
                .contains("authorization,content-type");
        assertThat(response.headers().firstValue("access-control-max-age")).contains("600");
        assertThat(response.headers().firstValue("access-control-allow-credentials")).contains("true");
    }

    @Test
    void a_preflight_from_an_origin_not_allowed_gets_no_cors_headers() throws Exception {
        var response = send(HttpRequest.newBuilder(FixtureRuntime.uri("/items/a"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void responses_to_an_allowed_origin_carry_the_cors_headers_even_when_refused() throws Exception {
        var served = send(get("/items/cors", FixtureRuntime.shared().devToken()).header("Origin", APP));
        var refused = send(get("/items/cors", null).header("Origin", APP));
        var elsewhere = send(get("/items/cors", FixtureRuntime.shared().devToken())
                .header("Origin", "https://evil.example"));

        assertThat(served.statusCode()).isEqualTo(201);
        assertThat(served.headers().firstValue("access-control-allow-origin")).contains(APP);
        assertThat(served.headers().firstValue("access-control-expose-headers")).contains("x-fixture");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("access-control-allow-origin")).contains(APP);
        assertThat(elsewhere.statusCode()).isEqualTo(201);
        assertThat(elsewhere.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void a_scoped_route_needs_one_of_its_scopes_in_scope_or_scp_else_403() throws Exception {
        var idp = FixtureRuntime.identityProvider();

        assertThat(send(get("/scoped/1", idp.sign("idp-rsa", claims("\"scope\":\"openid fixture/read\""))))
                .statusCode()).isEqualTo(201);
        assertThat(send(get("/scoped/1", idp.sign("idp-ec", claims("\"scp\":[\"fixture/admin\"]")))).statusCode())
                .isEqualTo(201);
        var wrongScope = send(get("/scoped/1", idp.sign("idp-rsa", claims("\"scope\":\"fixture/write\""))));
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        assertThat(wrongScope.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(wrongScope.headers().firstValue("www-authenticate")).hasValueSatisfying(header ->
                assertThat(header).contains("insufficient_scope").contains("fixture/read fixture/admin"));
        assertThat(send(get("/scoped/1", idp.sign("idp-rsa", claims("\"sub\":\"no-scopes\"")))).statusCode())
                .isEqualTo(403);
        assertThat(send(get("/scoped/1", FixtureRuntime.shared().devToken())).statusCode())
                .as("the dev token carries every scope the template asks for").isEqualTo(201);
    }

    @Test
    void tokens_of_the_identity_provider_are_checked_like_api_gateway_checks_them() throws Exception {
        var idp = FixtureRuntime.identityProvider();
        long now = Instant.now().getEpochSecond();

        var accepted = send(get("/items/idp", idp.sign("idp-rsa", claims("\"sub\":\"alice\""))));
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(accepted.body()).contains("\"sub\":\"alice\"");
        assertThat(send(get("/items/idp", idp.sign("idp-ec", claims("\"sub\":\"bob\"")))).statusCode())
                .isEqualTo(201);
        assertThat(send(get("/items/idp", idp.sign("idp-rsa", "{\"iss\":\"https://fnbundle.local/dev\","
                + "\"client_id\":\"fnbundle-local\",\"exp\":" + (now + 600) + "}"))).statusCode())
                .as("client_id stands for a missing aud").isEqualTo(201);
        assertThat(send(get("/items/idp", idp.sign("idp-rsa", "{\"iss\":\"https://fnbundle.local/dev\","
                + "\"aud\":\"someone-else\",\"exp\":" + (now + 600) + "}"))).statusCode()).isEqualTo(401);
        assertThat(send(get("/items/idp", idp.sign("idp-rsa", "{\"iss\":\"https://other.example\","
                + "\"aud\":\"fnbundle-local\",\"exp\":" + (now + 600) + "}"))).statusCode()).isEqualTo(401);
        assertThat(send(get("/items/idp", idp.sign("idp-rsa", "{\"iss\":\"https://fnbundle.local/dev\","
                + "\"aud\":\"fnbundle-local\",\"exp\":" + (now - 600) + "}"))).statusCode()).isEqualTo(401);
        assertThat(send(get("/items/idp", JwksServer.signWithUnpublishedKey("idp-rsa", "RSA", claims("\"a\":1"))))
                .statusCode()).as("right kid, wrong key").isEqualTo(401);
    }

    private static String claims(String extra) {
        return "{\"iss\":\"https://fnbundle.local/dev\",\"aud\":[\"fnbundle-local\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "," + extra + "}";
    }

    private static HttpRequest.Builder get(String path, String token) {
        var request = HttpRequest.newBuilder(FixtureRuntime.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
