package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.problem.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The body's UTF-8 bytes, kept by the event reader, are exactly the body's text encoded; where the reader could not
 * keep them (base64, a lone surrogate) there are none and the text is read as before.
 */
class ApiRequestUtf8TextTest {
    @Test
    void a_text_body_of_every_kind_of_character_is_its_text_encoded() throws IOException {
        for (String body : List.of("{\"graph\": {\"a\": [\"b\"]}}", "caf\u00e9 \"quoted\" \\ \n\t\u0001",
                "emoji \ud83d\ude00 \u2028 \u4e2d", "")) {
            ApiRequest request = request(eventJson(body, false));

            assertThat(request.utf8Text(1024)).as(body).hasValueSatisfying(buffer ->
                    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length()))
                            .isEqualTo(request.text(1024).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.text(1024)).isEqualTo(body);
        }
    }

    @Test
    void a_base64_body_and_a_lone_surrogate_keep_no_bytes() throws IOException {
        assertThat(request(eventJson("AAEC", true)).utf8Text(1024)).isEmpty();

        byte[] lone = "{\"body\": \"a\\ud800b\", \"isBase64Encoded\": false}".getBytes(StandardCharsets.UTF_8);
        ApiRequest request = request(lone);
        assertThat(request.utf8Text(1024)).isEmpty();
        assertThat(request.text(1024)).isEqualTo("a\ud800b");
    }

    @Test
    void a_body_set_later_replaces_the_kept_bytes() throws IOException {
        APIGatewayV2HTTPEvent event = ApiEventReader.read(eventJson("first", false));

        event.setBody("second");

        ApiRequest request = new ApiRequest(event, "POST /x", Map.of(), "r-1");
        assertThat(request.utf8Text(1024)).isEmpty();
        assertThat(request.text(1024)).isEqualTo("second");
    }

    @Test
    void bytes_over_the_limit_are_a_413_as_the_text_is() throws IOException {
        ApiRequest request = request(eventJson("\u00e9".repeat(10), false));

        assertThatThrownBy(() -> request.utf8Text(19)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> request.text(19)).isInstanceOf(ProblemException.class);
        assertThat(request.utf8Text(20)).isPresent();
    }

    private static ApiRequest request(byte[] eventJson) throws IOException {
        return new ApiRequest(ApiEventReader.read(eventJson), "POST /x", Map.of(), "r-1");
    }

    private static byte[] eventJson(String body, boolean base64) {
        return Json.write(Map.of("version", "2.0", "body", body, "isBase64Encoded", base64))
                .getBytes(StandardCharsets.UTF_8);
    }
}
