package dev.fnbundle.configaudit.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyGlobTest {

    @Test
    void star_crosses_dots_question_mark_is_one_character_and_case_is_ignored() {
        assertThat(KeyGlob.of("database.*").matches("database.host")).isTrue();
        assertThat(KeyGlob.of("database.*").matches("database.pool.size")).isTrue();
        assertThat(KeyGlob.of("database.*").matches("databases.host")).isFalse();
        assertThat(KeyGlob.of("*.password").matches("db.password")).isTrue();
        assertThat(KeyGlob.of("*.password").matches("password")).isFalse();
        assertThat(KeyGlob.of("*.PASSWORD").matches("a.b.Password")).isTrue();
        assertThat(KeyGlob.of("servers[?].host").matches("servers[3].host")).isTrue();
        assertThat(KeyGlob.of("servers[?].host").matches("servers[10].host")).isFalse();
        assertThat(KeyGlob.of("*").matches("")).isTrue();
        assertThat(KeyGlob.of("a*b*c").matches("axxbyyc")).isTrue();
    }

    @Test
    void many_stars_do_not_backtrack_exponentially() {
        // given: a classic catastrophic-backtracking shape for regex engines
        KeyGlob glob = KeyGlob.of("*a".repeat(30) + "b");
        // then: completes (quadratic at worst) and answers correctly
        assertThat(glob.matches("a".repeat(5000))).isFalse();
    }
}
