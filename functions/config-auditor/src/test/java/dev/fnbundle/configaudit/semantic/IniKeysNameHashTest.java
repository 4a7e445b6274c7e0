package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

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
    void capitals_and_characters_beyond_ascii_need_lower_casing_and_a_dot_first_is_reported() {
        assertThat(IniKeys.plainNameHash("Option", 0, 6)).isEqualTo(IniKeys.NEEDS_LOWER_CASE);
        assertThat(IniKeys.plainNameHash("cl\u00e9", 0, 3)).isEqualTo(IniKeys.NEEDS_LOWER_CASE);
        assertThat(IniKeys.plainNameHash("A.b", 0, 3)).isEqualTo(IniKeys.NEEDS_LOWER_CASE);
        assertThat(IniKeys.plainNameHash("a.B", 0, 3)).isEqualTo(IniKeys.HAS_DOT);
        assertThat(IniKeys.plainNameHash("a.b", 0, 3)).isEqualTo(IniKeys.HAS_DOT);
    }
}
