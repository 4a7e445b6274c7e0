package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import dev.fnbundle.embedded.template.HttpApiSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    @Test
    void origins_match_exactly_or_by_scheme_wildcard_or_star() {
        var exact = policy(List.of("https://app.example"), false);
        var https = policy(List.of("https://*"), false);

        assertThat(exact.allowed("https://APP.example")).isTrue();
        assertThat(exact.allowed("https://app.example.evil")).isFalse();
        assertThat(https.allowed("https://anything.example")).isTrue();
        assertThat(https.allowed("http://anything.example")).isFalse();
        assertThat(policy(List.of("*"), false).allowed("null")).isTrue();
    }

    @Test
    void star_is_sent_as_star_unless_credentials_are_allowed_then_the_origin_is_echoed() {
        var request = new Headers();
        request.set("Origin", "https://app.example");
        var anonymous = new Headers();
        var credentialed = new Headers();

        policy(List.of("*"), false).decorate(request, anonymous);
        policy(List.of("*"), true).decorate(request, credentialed);

        assertThat(anonymous.getFirst("access-control-allow-origin")).isEqualTo("*");
        assertThat(credentialed.getFirst("access-control-allow-origin")).isEqualTo("https://app.example");
        assertThat(credentialed.getFirst("access-control-allow-credentials")).isEqualTo("true");
    }

    @Test
    void cors_headers_set_by_the_function_are_replaced_by_the_apis() {
        var request = new Headers();
        request.set("Origin", "https://evil.example");
        var response = new Headers();
        response.set("Access-Control-Allow-Origin", "*");
        response.set("X-Kept", "1");

        policy(List.of("https://app.example"), false).decorate(request, response);

        assertThat(response.keySet()).containsExactly("X-kept");
    }

    private static CorsPolicy policy(List<String> origins, boolean credentials) {
        return CorsPolicy.of(new HttpApiSpec.Cors(origins, List.of("GET"), List.of("*"), List.of(), credentials,
                -1));
    }
}
