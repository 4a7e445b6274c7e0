package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader's one pass over a key's name: its hash when it is its own lower-cased name, else why not. */
class IniKeysNameHashTest {

    @Test
    void a_plain_name_read_in_place_hashes_as_its_string() {
        String text = "[s]\noption_17 = x\n";
        assertThat((int) IniKeys.plainNameHash(text, 4, 13)).isEqualTo("option_17".hashCode());
        assertThat(IniKeys.plainNameHash(text, 4, 13)).isNotNegative();
        String negative = "zzzzzzzzzzzz";
        assertThat((int) IniKeys.plainNameHash(negative, 0, negative.length())).isEqualTo(negative.hashCode());
        assertThat(IniKeys.plainNameHash(negative, 0, negative.length())).isNotNegative();
        assertThat(IniKeys.plainNameHash(text, 4, 4)).isEqualTo("".hashCode());
    }

    @Test
    void a_plain_secret_name_is_flagged_above_its_hash() {
        long secret = IniKeys.plainNameHash("db_password", 0, 11);
        assertThat(secret & IniKeys.SECRET_NAME).isNotZero();
        assertThat((int) secret).isEqualTo("db_password".hashCode());
        assertThat(IniKeys.plainNameHash("option_17", 0, 9) & IniKeys.SECRET_NAME).isZero();
        assertThat(IniKeys.plainNameHash("monkey", 0, 6) & IniKeys.SECRET_NAME).as("contains 'key'").isNotZero();
    }

    @Test
    void the_flag_agrees_with_the_secret_policy_on_every_plain_name() {
        Random random = new Random(17);
        String letters = "abcdeiklnoprstwy_-0";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            String text = "  " + name + " = v";
            long plain = IniKeys.plainNameHash(text, 2, 2 + name.length());
            assertThat((plain & IniKeys.SECRET_NAME) != 0).as(name.toString())
                    .isEqualTo(SecretPolicy.isSecretName(name.toString()));
        }
        for (String marker : SecretPolicy.MARKERS) {
            String text = "x" + marker + "y";
            assertThat(IniKeys.plainNameHash(text, 0, text.length()) & IniKeys.SECRET_NAME).as(marker).isNotZero();
            assertThat(IniKeys.plainNameHash(text, 0, text.length() - 2) & IniKeys.SECRET_NAME).as(marker).isZero();
        }
    }

    @Test
    void capitals_and_characters_beyond_ascii_need_lower_casing_and_a_dot_first_is_reported() {
        assertThat(IniKeys.plainNameHash("Option", 0, 6)).isEqualTo(IniKeys.NEEDS_LOWER_CASE);
        assertThat(IniKeys.plainNameHash("cl\u00e9", 0, 3)).isEqualTo(IniKeys.NEEDS_LOWER_CASE);
        assertThat(IniKeys.plainNameHash("A.b", 0, 3)).isEqualTo(IniKeys.NEEDS_LOWER_CASE);
        assertThat(IniKeys.plainNameHash("a.B", 0, 3)).isEqualTo(IniKeys.HAS_DOT);
        assertThat(IniKeys.plainNameHash("a.b", 0, 3)).isEqualTo(IniKeys.HAS_DOT);
    }
}
