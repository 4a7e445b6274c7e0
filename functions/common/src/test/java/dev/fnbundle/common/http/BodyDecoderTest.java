package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The event body decoded from bytes is Jackson's String, or the decoder leaves it to Jackson. */
class BodyDecoderTest {
    @Test
    void a_json_body_full_of_escapes_decodes_to_jacksons_string() throws IOException {
        var random = new Random(5);
        for (int round = 0; round < 300; round++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                text.append(switch (random.nextInt(7)) {
                    case 0 -> "{\"graph\": {\"n" + i + "\": [\"a\\\\b\", \"/\"]}}";
                    case 1 -> "caf\u00e9 \u20ac \ud83d\ude00";
                    case 2 -> "\n\r\t\b\f\u0000\u001f\u007f";
                    default -> String.valueOf((char) (' ' + random.nextInt(95)));
                });
            }
            String json = TextNode.valueOf(text.toString()).toString();

            assertThat(decode(json)).as(json).isEqualTo(text.toString()).isEqualTo(jackson(json));
        }
    }

    @Test
    void escapes_jackson_writes_differently_still_decode_the_same() throws IOException {
        for (String json : List.of("\"\\u00e9\\u00E9\\/\\ud83d\\ude00\\u0041\"", "\"\"", "\"\\\"\"",
                "\"caf\u00e9 raw\"")) {
            assertThat(decode(json)).as(json).isEqualTo(jackson(json));
        }
    }

    @Test
    void what_only_jackson_decodes_exactly_or_rejects_is_left_to_it() {
        for (String json : List.of("\"\\ud83d alone\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\x\"",
                "\"raw \u0001 control\"", "\"no end", "\"\\u12\"", "\"ends in \\")) {
            assertThat(decode(json)).as(json).isNull();
        }
        byte[] malformed = {'"', (byte) 0xC3, '"'};
        assertThat(BodyDecoder.decode(malformed, 1)).isNull();
        byte[] surrogateInUtf8 = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertThat(BodyDecoder.decode(surrogateInUtf8, 1)).isNull();
    }

    @Test
    void the_event_reader_falls_back_to_jackson_for_a_lone_surrogate_and_gets_its_string() throws IOException {
        byte[] event = "{\"version\":\"2.0\",\"body\":\"a\\ud83d b\",\"isBase64Encoded\":false}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ApiEventReader.read(new ByteArrayInputStream(event)).getBody()).isEqualTo("a\ud83d b");
    }

    @Test
    void an_empty_body_stays_empty_and_the_fields_after_it_are_read() throws IOException {
        byte[] event = "{\"body\":\"\",\"rawPath\":\"/x\",\"isBase64Encoded\":false}".getBytes(StandardCharsets.UTF_8);

        var read = ApiEventReader.read(event);

        assertThat(read.getBody()).isEmpty();
        assertThat(read.getRawPath()).isEqualTo("/x");
    }

    private static String decode(String quoted) {
        return BodyDecoder.decode(quoted.getBytes(StandardCharsets.UTF_8), 1);
    }

    private static String jackson(String quoted) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(quoted.getBytes(StandardCharsets.UTF_8))) {
            parser.nextToken();
            return parser.getText();
        }
    }
}
