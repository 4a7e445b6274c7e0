package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON written by hand through the builder is byte for byte what the shared mapper and EscapedJson write. */
class EscapedJsonBuilderTest {

    @Test
    void every_awkward_string_is_written_as_the_mapper_writes_it() {
        for (String text : EscapedJsonTest.AWKWARD) {
            assertThat(new EscapedJsonBuilder().string(text).build().bytesAsArray()).as(text)
                    .isEqualTo(EscapedJson.of(text).bytesAsArray());
        }
    }

    @Test
    void every_single_code_unit_as_a_string_is_written_as_the_mapper_writes_it() {
        for (int c = 0; c <= 0xFFFF; c += c < 0x200 ? 1 : 97) {
            String text = "a" + (char) c + "b";
            assertThat(new EscapedJsonBuilder().string(text).build().bytesAsArray()).as("U+%04X", c)
                    .isEqualTo(EscapedJson.of(text).bytesAsArray());
        }
    }

    @Test
    void structure_and_values_written_by_hand_equal_the_mapped_object() {
        var value = new LinkedHashMap<String, Object>();
        value.put("names", EscapedJsonTest.AWKWARD);
        value.put("count", 12_345_678_901L);
        var json = new EscapedJsonBuilder().raw("{\"names\":").raw('[');
        for (int i = 0; i < EscapedJsonTest.AWKWARD.size(); i++) {
            if (i > 0) {
                json.raw(',');
            }
            json.string(EscapedJsonTest.AWKWARD.get(i));
        }
        json.raw("],\"count\":").number(12_345_678_901L).raw('}');

        assertThat(json.build().bytesAsArray()).isEqualTo(EscapedJson.of(value).bytesAsArray());
    }

    @Test
    void a_large_answer_growing_the_buffer_many_times_is_written_the_same() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            names.add(i % 7 == 0 ? EscapedJsonTest.AWKWARD.get(i % EscapedJsonTest.AWKWARD.size()) + i : "n" + i);
        }
        var json = new EscapedJsonBuilder().raw('[');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                json.raw(',');
            }
            json.string(names.get(i));
        }
        json.raw(']');

        assertThat(json.build().bytesAsArray()).isEqualTo(EscapedJson.of(names).bytesAsArray());
    }

    @Test
    void a_response_of_a_hand_written_body_is_the_mapped_response() {
        var mapped = ApiResponse.ok(List.of("a", "b \"c\""));
        var written = ApiResponse.ok(new EscapedJsonBuilder().raw('[').string("a").raw(',').string("b \"c\"")
                .raw(']'));

        assertThat(written).isEqualTo(mapped);
        assertThat(written.headers()).isEqualTo(mapped.headers());
    }

    @Test
    void structure_is_ascii_only() {
        assertThatThrownBy(() -> new EscapedJsonBuilder().raw('\u00e9')).isInstanceOf(IllegalArgumentException.class);
    }
}
