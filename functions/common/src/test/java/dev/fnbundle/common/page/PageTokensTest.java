package dev.fnbundle.common.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.PageTokenForgery;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokensTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final PageKey OLD = key("old", 1);
    private static final PageKey NEW = key("new", 2);

    private final Map<String, AttributeValue> lastKey = Map.of(
            "pk", AttributeValue.fromS("FEED#f1"),
            "sk", AttributeValue.fromN("1700000000"),
            "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")));

    private static PageKey key(String id, int fill) {
        byte[] secret = new byte[PageKey.SECRET_BYTES];
        Arrays.fill(secret, (byte) fill);
        return new PageKey(id, secret, T0);
    }

    private static PageTokens tokens(PageKey current, PageKey... previous) {
        return new PageTokens(() -> new PageKeyRing(current, List.of(previous)));
    }

    private static void assertRefused(PageTokens tokens, String scope, String token) {
        assertThatThrownBy(() -> tokens.decode(scope, token))
                .as(token.substring(0, Math.min(20, token.length())))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.fields()).containsExactly("nextToken"));
    }

    @Test
    void a_token_round_trips_the_last_evaluated_key() {
        var tokens = tokens(NEW);
        String token = tokens.encode("feed-items#f1", lastKey);

        assertThat(token).matches("new\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.decode("feed-items#f1", token)).isEqualTo(lastKey);
    }

    @Test
    void no_last_key_means_no_token_and_no_token_means_the_first_page() {
        var tokens = tokens(NEW);

        assertThat(tokens.encode("s", Map.of())).isNull();
        assertThat(tokens.encode("s", null)).isNull();
        assertThat(tokens.decode("s", null)).isNull();
        assertThat(tokens.decode("s", "")).isNull();
    }

    @Test
    void a_token_from_another_list_is_refused() {
        var tokens = tokens(NEW);

        assertRefused(tokens, "feed-items#f2", tokens.encode("feed-items#f1", lastKey));
    }

    @Test
    void a_forged_token_with_valid_json_and_a_made_up_tag_is_refused() {
        assertRefused(tokens(NEW), "s", PageTokenForgery.wrongMac("s", "{\"pk\":{\"S\":\"x\"}}"));
    }

    @Test
    void a_real_tag_on_an_edited_payload_is_refused() {
        var tokens = tokens(NEW);
        String real = tokens.encode("items#x", Map.of("day", AttributeValue.fromS("2026-01-01")));

        assertRefused(tokens, "items#x", PageTokenForgery.swapPayload(real, "items#x",
                "{\"day\":{\"S\":\"0001-01-01\"}}"));
    }

    @Test
    void the_unsigned_tokens_of_the_previous_format_are_refused() {
        assertRefused(tokens(NEW), "s", PageTokenForgery.unsigned("s", "{\"pk\":{\"S\":\"x\"}}"));
    }

    @Test
    void a_token_signed_with_another_deployments_key_is_refused() {
        String foreign = tokens(key("new", 9)).encode("s", lastKey);

        assertRefused(tokens(NEW), "s", foreign);
    }

    @Test
    void garbage_tokens_are_a_400_not_a_500() {
        var tokens = tokens(NEW);
        for (String garbage : PageTokenForgery.garbage()) {
            assertRefused(tokens, "s", garbage);
        }
    }

    @Test
    void a_token_signed_by_a_previous_key_still_verifies_after_rotation() {
        String before = tokens(OLD).encode("s", lastKey);
        var rotated = tokens(NEW, OLD);

        assertThat(rotated.decode("s", before)).isEqualTo(lastKey);
        assertThat(rotated.encode("s", lastKey)).startsWith("new.");
    }

    @Test
    void a_key_dropped_from_the_ring_no_longer_verifies() {
        String before = tokens(OLD).encode("s", lastKey);

        assertRefused(tokens(NEW), "s", before);
    }

    @Test
    void the_ring_is_loaded_lazily_once_and_again_when_a_token_names_a_key_it_does_not_know() {
        var ring = new AtomicReference<>(new PageKeyRing(OLD, List.of()));
        var loads = new AtomicInteger();
        var clock = new AtomicLong();
        var tokens = new PageTokens(() -> {
            loads.incrementAndGet();
            return ring.get();
        }, clock::get);
        assertThat(loads).hasValue(0);

        String old = tokens.encode("s", lastKey);
        tokens.decode("s", old);
        assertThat(loads).as("cached").hasValue(1);

        // Another instance rotates; its tokens name the new key, which makes this one reload (after a second).
        ring.set(new PageKeyRing(NEW, List.of(OLD)));
        String fresh = tokens(NEW).encode("s", lastKey);
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(tokens.decode("s", fresh)).isEqualTo(lastKey);
        assertThat(loads).hasValue(2);

        // Garbage key ids cannot make it read the store on every request.
        for (int i = 0; i < 5; i++) {
            assertRefused(tokens, "s", PageTokenForgery.wrongMac("s", "{\"pk\":{\"S\":\"x\"}}"));
        }
        assertThat(loads).hasValue(2);

        clock.addAndGet(PageTokens.CACHE_FOR.toNanos());
        tokens.encode("s", lastKey);
        assertThat(loads).as("reloaded when stale").hasValue(3);
    }

    @Test
    void the_secret_never_shows_in_a_key_s_string_form() {
        var key = new PageKey("k1", "s3cret-s3cret-s3cret-s3cret-s3cret".getBytes(StandardCharsets.UTF_8), T0);

        assertThat(key.toString()).contains("k1").doesNotContain("s3cret");
    }
}
