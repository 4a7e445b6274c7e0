package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target: JWT parsing in the local authorizer. {@link JwtAuthority#verify} of any bearer string answers
 * (empty is a 401) and never throws; a string that is not one of its own tokens is never accepted. The first
 * byte picks the shape: even, the rest is the bearer string as sent; odd, the rest is
 * {@code issuer NUL audience NUL subject} and a token minted for them must verify with exactly those claims.
 */
class JwtAuthorityFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final JwtAuthority AUTHORITY = new JwtAuthority(CLOCK, null);
    private static final String ISSUER = "http://127.0.0.1/local";
    private static final List<String> AUDIENCES = List.of("fnbundle");

    @FuzzTest
    void a_bearer_string_verifies_or_is_a_401(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        if ((data[0] & 1) == 0) {
            Optional<JwtAuthority.Verified> verified = CpuBudget.call(CpuBudget.FUZZ_INPUT,
                    () -> AUTHORITY.verify(text, ISSUER, AUDIENCES));
            assertThat(verified).as("a token this authority never signed").isEmpty();
            return;
        }
        String[] parts = text.split("\u0000", 3);
        String issuer = parts[0];
        String audience = parts.length > 1 ? parts[1] : "";
        String subject = parts.length > 2 ? parts[2] : "";
        String token = AUTHORITY.mint(issuer, audience, subject, Duration.ofMinutes(5));
        Optional<JwtAuthority.Verified> verified = CpuBudget.call(CpuBudget.FUZZ_INPUT,
                () -> AUTHORITY.verify(token, issuer, List.of(audience)));
        if (token.length() > 16 * 1024) {
            assertThat(verified).isEmpty();
            return;
        }
        assertThat(verified).isPresent();
        assertThat(verified.get().claims()).containsEntry("sub", subject).containsEntry("iss", issuer);
    }
}
