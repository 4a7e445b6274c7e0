package dev.fnbundle.configaudit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.service.Precondition;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTagsTest {
    @Test
    void versions_are_strong_quoted_etags() {
        assertThat(EntityTags.of(12)).isEqualTo("\"12\"");
    }

    @Test
    void preconditions_are_read_from_the_headers() {
        assertThat(EntityTags.precondition(Optional.empty(), Optional.empty())).isEqualTo(new Precondition.None());
        assertThat(EntityTags.precondition(Optional.empty(), Optional.of(" * ")))
                .isEqualTo(new Precondition.CreateOnly());
        assertThat(EntityTags.precondition(Optional.of("*"), Optional.empty()))
                .isEqualTo(new Precondition.IfMatch(true, Set.of()));
        assertThat(EntityTags.precondition(Optional.of("\"3\""), Optional.empty()))
                .isEqualTo(new Precondition.IfMatch(false, Set.of(3L)));
        assertThat(EntityTags.precondition(Optional.of("\"3\", W/\"4\", \"abc\",\"5\""), Optional.empty()))
                .isEqualTo(new Precondition.IfMatch(false, Set.of(3L, 5L)));
    }

    @Test
    void malformed_or_conflicting_headers_are_a_400_naming_the_header() {
        for (String bad : new String[] {"3", "\"3", "W/3", ""}) {
            assertThatThrownBy(() -> EntityTags.precondition(Optional.of(bad), Optional.empty()))
                    .as(bad).isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.fields())
                            .containsExactly("If-Match"));
        }
        assertThatThrownBy(() -> EntityTags.precondition(Optional.empty(), Optional.of("\"3\"")))
                .isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> EntityTags.precondition(Optional.of("\"3\""), Optional.of("*")))
                .isInstanceOf(InvalidFieldsException.class);
    }
}
