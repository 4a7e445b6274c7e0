package dev.fnbundle.configaudit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The marker scans of {@link SecretPolicy} read two characters per step; they must answer as the plain definition
 * does (one character at a time, or the lower-cased name searched for each marker) on every range of every text.
 */
class SecretPolicyScanTest {
    private static final String ALPHABET = "passwordPASSWORDphrasetokenkeyKEYsecretprivatecredentialpwd_-. =:\\"
            + "\u212a\u00e9\u0130xyz09";

    @Test
    void secret_names_are_found_as_the_lower_cased_name_contains_a_marker() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            String text = text(random);
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            String name = text.substring(from, to);
            boolean expected = SecretPolicy.MARKERS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains);
            assertThat(SecretPolicy.isSecretName(text, from, to)).as("%s", name).isEqualTo(expected);
        }
    }

    @Test
    void a_range_may_name_a_secret_exactly_when_the_one_character_scan_says_so() {
        Random random = new Random(18);
        for (int n = 0; n < 20_000; n++) {
            String text = text(random);
            int from = random.nextInt(text.length() + 1);
            int to = from + random.nextInt(text.length() - from + 1);
            String range = text.substring(from, to);
            boolean expected = range.chars().anyMatch(c -> c >= 0x80 || c == '\\')
                    || SecretPolicy.MARKERS.stream().anyMatch(range.toLowerCase(Locale.ROOT)::contains);
            assertThat(SecretPolicy.mayNameSecret(text, from, to)).as("%s", range).isEqualTo(expected);
        }
    }

    @Test
    void markers_ending_on_either_character_of_a_step_are_found() {
        for (String marker : SecretPolicy.MARKERS) {
            for (int pad = 0; pad < 4; pad++) {
                String text = "x".repeat(pad) + marker.toUpperCase(Locale.ROOT) + "y".repeat(pad);
                assertThat(SecretPolicy.isSecretName(text, 0, text.length())).as(text).isTrue();
                assertThat(SecretPolicy.mayNameSecret(text, 0, text.length())).as(text).isTrue();
                String cut = "x".repeat(pad) + marker.substring(0, marker.length() - 1);
                assertThat(SecretPolicy.mayNameSecret(cut, 0, cut.length())).as(cut)
                        .isEqualTo(SecretPolicy.MARKERS.stream().anyMatch(cut::contains));
            }
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                String marker = SecretPolicy.MARKERS.get(random.nextInt(SecretPolicy.MARKERS.size()));
                text.append(random.nextBoolean() ? marker : marker.substring(0, random.nextInt(marker.length())));
            } else {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }
}
