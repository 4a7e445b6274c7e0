package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.local.JwksServer;
import dev.fnbundle.local.UserFacingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwksKeysTest {
    @Test
    void an_unknown_kid_fetches_the_key_set_again_so_a_rotated_key_is_accepted() throws Exception {
        try (var idp = new JwksServer()) {
            idp.publish("k1", "RSA");
            var authority = new JwtAuthority(Clock.systemUTC(), null, idp.url(), Set.of());
            int fetchesAfterStart = idp.fetches();

            idp.publish("k2", "EC");
            var verified = authority.verify(idp.sign("k2", claims()), "https://idp.test", List.of("app"));

            assertThat(verified).isPresent();
            assertThat(idp.fetches()).isEqualTo(fetchesAfterStart + 1);
        }
    }

    @Test
    void known_keys_are_served_from_the_cache_and_unknown_kids_cannot_hammer_the_provider() throws Exception {
        try (var idp = new JwksServer()) {
            idp.publish("k1", "RSA");
            var authority = new JwtAuthority(Clock.systemUTC(), null, idp.url(), Set.of(), Duration.ofHours(1));
            int fetchesAfterStart = idp.fetches();

            for (int i = 0; i < 20; i++) {
                assertThat(authority.verify(idp.sign("k1", claims()), "https://idp.test", List.of("app")))
                        .isPresent();
                assertThat(authority.verify(JwksServer.signWithUnpublishedKey("nope-" + i, "EC", claims()), "https://idp.test",
                        List.of("app"))).isEmpty();
            }

            assertThat(idp.fetches()).isEqualTo(fetchesAfterStart + 1);
        }
    }

    @Test
    void an_unreachable_or_empty_key_set_stops_the_start_with_the_url() throws Exception {
        var nowhere = URI.create("http://127.0.0.1:9/.well-known/jwks.json");
        assertThatThrownBy(() -> new JwtAuthority(Clock.systemUTC(), null, nowhere, Set.of()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("--jwks-url " + nowhere);
        try (var idp = new JwksServer()) {
            assertThatThrownBy(() -> new JwtAuthority(Clock.systemUTC(), null, idp.url(), Set.of()))
                    .hasMessageContaining("holds no RSA or P-256 signing key");
        }
    }

    @Test
    void keys_without_kid_for_encryption_or_of_other_types_are_skipped() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var rsa = (java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic();
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String n = b64.encodeToString(rsa.getModulus().toByteArray());
        String e = b64.encodeToString(rsa.getPublicExponent().toByteArray());
        var keys = JwksKeys.parse(new ObjectMapper().readTree("""
                {"keys": [{"kty": "RSA", "n": "N", "e": "E"},
                          {"kid": "e", "kty": "RSA", "use": "enc", "n": "N", "e": "E"},
                          {"kid": "o", "kty": "oct", "k": "c2VjcmV0"},
                          {"kid": "x", "kty": "EC", "crv": "P-384", "x": "AQAB", "y": "AQAB"},
                          {"kid": "tiny", "kty": "RSA", "n": "AQAB", "e": "AQAB"},
                          {"kid": "r", "kty": "RSA", "n": "N", "e": "E"}]}
                """.replace("\"N\"", "\"" + n + "\"").replace("\"E\"", "\"" + e + "\"")));

        assertThat(keys).containsOnlyKeys("r");
    }

    @Test
    void the_dev_token_carries_every_scope_the_template_asks_for() {
        var authority = new JwtAuthority(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), null,
                null, Set.of("orders/write", "orders/read"));
        String token = authority.mint("https://issuer", "app", "dev", Duration.ofHours(1));

        assertThat(authority.verify(token, "https://issuer", List.of("app")).orElseThrow().scopes())
                .containsExactly("fnbundle/local", "orders/read", "orders/write");
    }

    private static String claims() {
        return "{\"iss\":\"https://idp.test\",\"aud\":\"app\",\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + "}";
    }
}
