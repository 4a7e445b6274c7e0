package dev.fnbundle.common.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.problem.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokenTest {
    private final Map<String, AttributeValue> key = Map.of(
            "pk", AttributeValue.fromS("FEED#f1"),
            "sk", AttributeValue.fromN("1700000000"),
            "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("raw")));

    @Test
    void a_token_round_trips_the_last_evaluated_key() {
        String token = PageToken.encode("feed-items#f1", key);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageToken.decode("feed-items#f1", token)).isEqualTo(key);
    }

    @Test
    void no_last_key_means_no_token_and_no_token_means_the_first_page() {
        assertThat(PageToken.encode("s", Map.of())).isNull();
        assertThat(PageToken.encode("s", null)).isNull();
        assertThat(PageToken.decode("s", null)).isNull();
    }

    @Test
    void a_token_from_another_list_is_rejected() {
        String token = PageToken.encode("feed-items#f1", key);

        assertThatThrownBy(() -> PageToken.decode("feed-items#f2", token))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().detail()).startsWith("nextToken:"));
    }

    @Test
    void garbage_tokens_are_a_400_not_a_500() {
        for (String garbage : new String[] {"!!!", "e30", "bm90IGpzb24", "x".repeat(5000)}) {
            assertThatThrownBy(() -> PageToken.decode("s", garbage))
                    .as(garbage.substring(0, Math.min(10, garbage.length())))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }
}
