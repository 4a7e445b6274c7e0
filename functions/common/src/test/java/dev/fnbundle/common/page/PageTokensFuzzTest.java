package dev.fnbundle.common.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.crypto.Hmac;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fuzz target: {@link PageTokens#decode} of any string is a start key or the one 400 naming {@code nextToken}.
 * The first byte picks the shape: 0 a raw token string; 1 a payload correctly signed with the deployment key (so
 * the fuzzer reaches the JSON behind the signature check); 2 a start key that must survive encode then decode.
 */
class PageTokensFuzzTest {
    private static final String SCOPE = "feed-items#f1";
    private static final PageKey KEY = key();
    private static final PageTokens TOKENS = new PageTokens(() -> new PageKeyRing(KEY, List.of()));
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private static PageKey key() {
        byte[] secret = new byte[PageKey.SECRET_BYTES];
        Arrays.fill(secret, (byte) 7);
        return new PageKey("k1", secret, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @FuzzTest
    void a_token_decodes_or_is_a_400_naming_next_token(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String rest = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        switch (Byte.toUnsignedInt(data[0]) % 3) {
            case 0 -> decode(rest);
            case 1 -> decode(signed(Arrays.copyOfRange(data, 1, data.length)));
            default -> roundTrip(rest);
        }
    }

    private static void decode(String token) {
        try {
            CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> TOKENS.decode(SCOPE, token));
        } catch (InvalidFieldsException expected) {
            assertThat(expected.fields()).containsExactly(PageTokens.FIELD);
        }
    }

    /** A token whose tag is right for {@code payload}: what a leaked key, or a bug in signing, would let through. */
    private static String signed(byte[] payload) {
        String signed = KEY.id() + "." + URL.encodeToString(payload);
        return signed + "." + URL.encodeToString(Hmac.sha256(KEY.secret(), signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Attribute names and string values from NUL-separated text; every start key must come back as it went. */
    private static void roundTrip(String text) {
        String[] parts = text.split("\u0000", -1);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.put(parts[i], i % 4 == 0 ? AttributeValue.fromS(parts[i + 1]) : AttributeValue.fromN(parts[i + 1]));
        }
        String token = TOKENS.encode(SCOPE, key);
        if (key.isEmpty()) {
            assertThat(token).isNull();
            return;
        }
        if (token.length() > 4096) {
            return; // longer than any list issues; decode refuses it by design
        }
        assertThat(TOKENS.decode(SCOPE, token)).isEqualTo(key);
    }
}
