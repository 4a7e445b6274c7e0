package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.testing.MutableClock;
import dev.fnbundle.local.JwksServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authority remembers verified signatures, never what only a valid token may have. */
class JwtCacheTest {
    private static final String ISSUER = "https://fnbundle.local/dev";
    private static final List<String> AUDIENCE = List.of("fnbundle-local");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final JwtAuthority authority = new JwtAuthority(clock, null);

    @Test
    void a_token_seen_before_is_refused_once_it_expires() {
        String token = authority.mint(ISSUER, "fnbundle-local", "alice", Duration.ofMinutes(5));
        assertThat(authority.verify(token, ISSUER, AUDIENCE)).isPresent();
        assertThat(authority.cachedTokens()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5).plusSeconds(31));

        assertThat(authority.verify(token, ISSUER, AUDIENCE)).isEmpty();
        assertThat(authority.cachedTokens()).as("the expired token is forgotten").isZero();
    }

    @Test
    void a_cached_token_still_needs_the_routes_issuer_and_audience_and_its_nbf() {
        String token = authority.mint(ISSUER, "fnbundle-local", "alice", Duration.ofHours(1));
        assertThat(authority.verify(token, ISSUER, AUDIENCE)).isPresent();

        assertThat(authority.verify(token, "https://evil.example", AUDIENCE)).isEmpty();
        assertThat(authority.verify(token, ISSUER, List.of("other"))).isEmpty();
        assertThat(authority.verify(token, ISSUER, AUDIENCE)).as("still valid where it was").isPresent();

        clock.advance(Duration.ofMinutes(-5));
        assertThat(authority.verify(token, ISSUER, AUDIENCE)).as("not before its nbf").isEmpty();
    }

    @Test
    void refused_tokens_are_never_remembered_so_a_forged_signature_is_checked_every_time() {
        String token = authority.mint(ISSUER, "fnbundle-local", "alice", Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("alice", "admin").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(authority.verify(token, ISSUER, AUDIENCE)).isPresent();

        for (int i = 0; i < 3; i++) {
            assertThat(authority.verify(forged, ISSUER, AUDIENCE)).isEmpty();
            assertThat(authority.verify(token + "x", ISSUER, AUDIENCE)).isEmpty();
        }

        assertThat(authority.cachedTokens()).isEqualTo(1);
    }

    @Test
    void the_cache_holds_a_bounded_number_of_tokens_and_drops_the_least_recently_used() {
        String first = authority.mint(ISSUER, "fnbundle-local", "first", Duration.ofHours(1));
        String kept = authority.mint(ISSUER, "fnbundle-local", "kept", Duration.ofHours(1));
        authority.verify(first, ISSUER, AUDIENCE);
        authority.verify(kept, ISSUER, AUDIENCE);

        for (int i = 0; i < JwtAuthority.MAX_CACHED_TOKENS + 10; i++) {
            String other = authority.mint(ISSUER, "fnbundle-local", "user" + i, Duration.ofHours(1));
            assertThat(authority.verify(other, ISSUER, AUDIENCE)).isPresent();
            authority.verify(kept, ISSUER, AUDIENCE);
        }

        assertThat(authority.cachedTokens()).isEqualTo(JwtAuthority.MAX_CACHED_TOKENS);
        assertThat(authority.verify(first, ISSUER, AUDIENCE)).as("verified again from scratch").isPresent();
        assertThat(authority.verify(kept, ISSUER, AUDIENCE)).isPresent();
    }

    @Test
    void a_cached_token_whose_key_the_provider_withdrew_is_refused_once_the_key_set_is_fetched_again()
            throws Exception {
        try (var idp = new JwksServer()) {
            idp.publish("k1", "RSA");
            var withIdp = new JwtAuthority(Clock.systemUTC(), null, idp.url(), Set.of(), Duration.ZERO);
            String token = idp.sign("k1", claims());
            assertThat(withIdp.verify(token, "https://idp.test", List.of("app"))).isPresent();
            assertThat(withIdp.verify(token, "https://idp.test", List.of("app"))).isPresent();

            idp.withdraw("k1").publish("k2", "EC");
            // a token under the new key id makes the authority fetch the set again
            assertThat(withIdp.verify(idp.sign("k2", claims()), "https://idp.test", List.of("app"))).isPresent();

            assertThat(withIdp.verify(token, "https://idp.test", List.of("app"))).isEmpty();
        }
    }

    @Test
    void a_cached_token_is_refused_when_its_key_id_now_names_another_key() throws Exception {
        try (var idp = new JwksServer()) {
            idp.publish("k1", "RSA").publish("k2", "RSA");
            var withIdp = new JwtAuthority(Clock.systemUTC(), null, idp.url(), Set.of(), Duration.ZERO);
            String token = idp.sign("k1", claims());
            assertThat(withIdp.verify(token, "https://idp.test", List.of("app"))).isPresent();

            idp.publish("k1", "RSA").publish("k3", "RSA");
            assertThat(withIdp.verify(idp.sign("k3", claims()), "https://idp.test", List.of("app"))).isPresent();

            assertThat(withIdp.verify(token, "https://idp.test", List.of("app"))).isEmpty();
            assertThat(withIdp.verify(idp.sign("k1", claims()), "https://idp.test", List.of("app")))
                    .as("the rotated key's own tokens").isPresent();
        }
    }

    private static String claims() {
        return "{\"iss\":\"https://idp.test\",\"aud\":\"app\",\"sub\":\"bob\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}";
    }

    /** A clock the test moves. */
}
