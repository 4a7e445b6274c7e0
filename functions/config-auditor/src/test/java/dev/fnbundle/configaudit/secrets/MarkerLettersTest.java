package dev.fnbundle.configaudit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The first look before the marker automaton only ever rules out lines the automaton would rule out too. */
class MarkerLettersTest {

    @Test
    void every_secret_marker_holds_an_r_a_k_or_a_w() {
        for (String marker : SecretPolicy.MARKERS) {
            assertThat(marker.toLowerCase(Locale.ROOT)).as(marker).containsAnyOf("r", "k", "w");
        }
    }

    @Test
    void a_line_ruled_out_names_no_secret_and_common_letters_turn_the_filter_off_without_changing_answers() {
        Random random = new Random(5);
        for (String alphabet : new String[] {"option_ =value-0123456789[]section", "abcdefghijklmnopqrstuvwxyz =\\",
            "PASSWORD pwd TOKEN key_x = 12"}) {
            StringBuilder text = new StringBuilder();
            int lines = 2_000;
            int[] starts = new int[lines + 1];
            for (int i = 0; i < lines; i++) {
                starts[i] = text.length();
                int length = random.nextInt(30);
                for (int k = 0; k < length; k++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (random.nextInt(10) == 0) {
                    text.append(SecretPolicy.MARKERS.get(random.nextInt(SecretPolicy.MARKERS.size())));
                }
                text.append('\n');
            }
            starts[lines] = text.length();
            String whole = text.toString();
            MarkerLetters letters = MarkerLetters.over(whole);
            for (int i = 0; i < lines; i++) {
                int end = starts[i + 1] - 1;
                if (!letters.mayNameSecret(starts[i], end)) {
                    assertThat(SecretPolicy.mayNameSecret(whole, starts[i], end)).as(whole.substring(starts[i], end))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void a_line_with_a_marker_letter_or_a_backslash_may_name_a_secret() {
        String text = "plain = value\nhas a k\nescaped \\u0070\nnothing else\n";
        MarkerLetters letters = MarkerLetters.over(text);
        assertThat(letters.mayNameSecret(0, 13)).isFalse();
        assertThat(letters.mayNameSecret(14, 21)).isTrue();
        assertThat(letters.mayNameSecret(22, 36)).isTrue();
        assertThat(letters.mayNameSecret(37, 49)).isFalse();
    }
}
