package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtAuthorityTest {
    private static final String ISSUER = "https://fnbundle.local/dev";
    private final Clock now = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final JwtAuthority authority = new JwtAuthority(now, null);

    @Test
    void a_minted_token_verifies_and_its_claims_become_strings() {
        String token = authority.mint(ISSUER, "fnbundle-local", "alice", Duration.ofHours(1));

        var claims = authority.verify(token, ISSUER, List.of("other", "fnbundle-local"));

        assertThat(claims).hasValueSatisfying(c -> {
            assertThat(c.claims()).containsEntry("sub", "alice").containsEntry("iss", ISSUER);
            assertThat(c.claims().get("exp")).isEqualTo(Long.toString(now.instant().getEpochSecond() + 3600));
        });
    }

    @Test
    void wrong_issuer_audience_expiry_or_signature_is_refused() {
        String token = authority.mint(ISSUER, "fnbundle-local", "alice", Duration.ofHours(1));
        var later = new JwtAuthority(Clock.offset(now, Duration.ofHours(2)), null);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("alice", "admin").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(authority.verify(token, "https://evil.example", List.of("fnbundle-local"))).isEmpty();
        assertThat(authority.verify(token, ISSUER, List.of("other"))).isEmpty();
        assertThat(authority.verify(tampered, ISSUER, List.of("fnbundle-local"))).isEmpty();
        assertThat(new JwtAuthority(now, null).verify(token, ISSUER, List.of("fnbundle-local")))
                .as("another key").isEmpty();
        assertThat(authority.verify("garbage", ISSUER, List.of("fnbundle-local"))).isEmpty();
        assertThat(authority.verify(null, ISSUER, List.of("fnbundle-local"))).isEmpty();
        assertThat(later.verify(token, ISSUER, List.of("fnbundle-local"))).as("different key, expired").isEmpty();
    }

    @Test
    void an_unsigned_token_is_refused_even_with_valid_claims() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + ISSUER
                + "\",\"aud\":\"fnbundle-local\",\"exp\":9999999999}").getBytes(StandardCharsets.UTF_8));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(authority.verify(header + "." + payload + ".", ISSUER, List.of("fnbundle-local"))).isEmpty();
    }

    @Test
    void the_fixed_development_token_is_accepted_exactly() {
        var withFixed = new JwtAuthority(now, "s3cret-dev-token");

        assertThat(withFixed.verify("s3cret-dev-token", ISSUER, List.of("fnbundle-local")))
                .hasValueSatisfying(c -> assertThat(c.claims()).containsEntry("sub", "local-dev"));
        assertThat(withFixed.verify("s3cret-dev-tokenX", ISSUER, List.of("fnbundle-local"))).isEmpty();
    }
}
