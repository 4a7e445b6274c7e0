package dev.fnbundle.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.json.Json;
import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void valid_fields_are_read_with_their_types_and_defaults() {
        var v = Validation.of(Json.parse("{\"name\": \"app\", \"limit\": 5, \"strict\": true, \"tags\": [\"a\"]}"));

        assertThat(v.requiredText("name", 10)).isEqualTo("app");
        assertThat(v.optionalInt("limit", 3, 1, 10)).isEqualTo(5);
        assertThat(v.optionalInt("missing", 3, 1, 10)).isEqualTo(3);
        assertThat(v.optionalBoolean("strict", false)).isTrue();
        assertThat(v.optionalTextList("tags", 5, 5)).containsExactly("a");
        v.throwIfInvalid();
    }

    @Test
    void every_invalid_field_is_reported_at_once_with_its_path() {
        var v = Validation.of(Json.parse(
                "{\"name\": 7, \"limit\": 99, \"search\": {\"since\": \"\"}, \"tags\": [\"ok\", 3]}"));

        v.requiredText("name", 10);
        v.requiredText("url", 10);
        v.optionalInt("limit", 3, 1, 10);
        v.optionalObject("search").ifPresent(search -> search.optionalText("since", 20));
        v.optionalTextList("tags", 5, 5);

        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(InvalidFieldsException.class, e -> {
            var errors = e.errors();
            assertThat(errors).extracting(FieldError::field)
                    .containsExactly("name", "url", "limit", "search.since", "tags[1]");
            assertThat(errors.get(0).detail()).isEqualTo("must be a string");
            assertThat(errors.get(1).detail()).isEqualTo("is required");
        });
    }

    @Test
    void a_body_that_is_not_an_object_is_rejected_immediately() {
        assertThatThrownBy(() -> Validation.of(Json.parse("[1, 2]")))
                .isInstanceOfSatisfying(InvalidFieldsException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("body", "must be a JSON object")));
    }

    @Test
    void over_long_text_and_lists_are_rejected() {
        var v = Validation.of(Json.parse("{\"name\": \"abcdef\", \"tags\": [\"a\", \"b\", \"c\"]}"));

        v.requiredText("name", 5);
        v.optionalTextList("tags", 2, 5);

        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.fields()).containsExactly("name", "tags"));
    }
}
