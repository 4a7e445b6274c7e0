package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonEscapeTest {
    @Test
    void every_ascii_byte_is_escaped_as_jacksons_utf8_string_writer_escapes_it() throws Exception {
        byte[] all = new byte[128];
        for (int b = 0; b < 128; b++) {
            all[b] = (byte) b;
        }

        assertThat(escaped(all)).isEqualTo(jackson(all));
    }

    @Test
    void multi_byte_utf8_and_a_json_body_full_of_quotes_are_escaped_as_jackson_does() throws Exception {
        var random = new Random(17);
        for (int round = 0; round < 200; round++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                text.append(switch (random.nextInt(6)) {
                    case 0 -> "\"name-" + i + "\": [\"a\\\\b\"],";
                    case 1 -> "é€😀";
                    case 2 -> "\n\t\r\u0001\u001f";
                    default -> String.valueOf((char) ('a' + random.nextInt(26)));
                });
            }
            byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);

            assertThat(escaped(utf8)).as(text.toString()).isEqualTo(jackson(utf8));
        }
    }

    @Test
    void the_escaped_length_is_exact_so_the_event_is_allocated_once() {
        byte[] body = "{\"a\": [\"b\\\\\"]}\n\u0000".getBytes(StandardCharsets.UTF_8);

        byte[] into = new byte[JsonEscape.escapedLength(body)];

        assertThat(JsonEscape.escape(body, into, 0)).isEqualTo(into.length);
    }

    private static byte[] escaped(byte[] utf8) {
        byte[] into = new byte[JsonEscape.escapedLength(utf8) + 4];
        int end = JsonEscape.escape(utf8, into, 2);
        return Arrays.copyOfRange(into, 2, end);
    }

    /** What the event builder wrote before: Jackson's writeUTF8String, without the quotes around it. */
    private static byte[] jackson(byte[] utf8) throws Exception {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeUTF8String(utf8, 0, utf8.length);
        }
        byte[] quoted = out.toByteArray();
        return Arrays.copyOfRange(quoted, 1, quoted.length - 1);
    }
}
