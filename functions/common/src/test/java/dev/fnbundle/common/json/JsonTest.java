package dev.fnbundle.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void object_keys_keep_document_order() {
        var node = Json.parse("{\"zeta\": 1, \"alpha\": 2, \"mid\": 3}");

        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void a_duplicate_key_keeps_its_first_position_and_last_value_like_python() {
        var node = Json.parse("{\"a\": 1, \"b\": 2, \"a\": 3}");

        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("a", "b");
        assertThat(node.get("a").intValue()).isEqualTo(3);
    }

    @Test
    void malformed_json_reports_line_and_column() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": [1, 2,,]\n}"))
                .isInstanceOfSatisfying(MalformedJsonException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void trailing_content_after_the_document_is_rejected() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} {\"b\": 2}")).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void nesting_deeper_than_the_limit_is_rejected_without_a_stack_overflow() {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void an_empty_body_is_malformed() {
        assertThatThrownBy(() -> Json.parse("  ")).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void parse_errors_do_not_echo_the_input() {
        assertThatThrownBy(() -> Json.parse("{\"password\": \"hunter2\" oops}"))
                .isInstanceOf(MalformedJsonException.class)
                .extracting(Throwable::getMessage).asString().doesNotContain("hunter2");
    }

    record Stored(String id, List<String> ready) {
    }

    @Test
    void a_stored_value_reads_back_into_its_record_and_a_corrupt_one_is_an_internal_error() {
        String json = Json.write(new Stored("r-1", List.of("a", "b")));

        assertThat(Json.read(json, Stored.class)).isEqualTo(new Stored("r-1", List.of("a", "b")));
        assertThatThrownBy(() -> Json.read("{\"id\": [", Stored.class)).isInstanceOf(IllegalStateException.class);
    }
}
