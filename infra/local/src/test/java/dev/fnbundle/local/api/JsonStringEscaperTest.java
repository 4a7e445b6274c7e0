package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A text body goes into the event escaped byte for byte as Jackson's {@code writeUTF8String} escapes it, and only
 * when it is well-formed UTF-8 (otherwise the event carries it base64-encoded).
 */
class JsonStringEscaperTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void escapes_every_byte_below_0x80_as_jackson_does() throws IOException {
        byte[] every = new byte[128];
        for (int b = 0; b < every.length; b++) {
            every[b] = (byte) b;
        }
        assertEscapedAsJackson(every);
    }

    @Test
    void escapes_random_text_at_every_offset_and_length_as_jackson_does() throws IOException {
        var random = new Random(23);
        String[] pieces = {"\"", "\\", "\n", "\t", "\u0001", "\u001f", "a", "n12345", "é", "€", "😀", " ", "/",
            "\u007f"};
        for (int i = 0; i < 20_000; i++) {
            var text = new StringBuilder();
            int count = random.nextInt(40);
            for (int k = 0; k < count; k++) {
                // mostly plain runs, as in a JSON body, so whole words are copied between the escapes
                int piece = random.nextInt(3) == 0 ? random.nextInt(pieces.length) : 6 + random.nextInt(2);
                text.append(pieces[piece]);
            }
            assertEscapedAsJackson(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void measures_malformed_utf8_as_the_strict_decoder_judges_it() {
        var random = new Random(29);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(30)];
            random.nextBytes(bytes);
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = random.nextInt(6) == 0 ? bytes[k] : (byte) ('a' + random.nextInt(26));
            }
            boolean valid = Utf8.isValid(bytes);
            assertThat(JsonStringEscaper.escapedLength(bytes, 0, bytes.length) >= 0).as(HexFormat.of().formatHex(bytes))
                    .isEqualTo(valid);
        }
    }

    @Test
    void a_large_body_escaped_in_two_halves_at_once_equals_jacksons_escaping_of_the_whole() throws IOException {
        var random = new Random(37);
        String[] pieces = {"{\"n12345\":[\"n6\",\"n789\"],\n", "é", "€", "😀", "\t", "\u0002", "\\"};
        for (int round = 0; round < 20; round++) {
            var text = new StringBuilder();
            while (text.length() < EscapedTextBody.SPLIT_BYTES + random.nextInt(64)) {
                text.append(pieces[random.nextInt(4) == 0 ? random.nextInt(pieces.length) : 0]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            var body = EscapedTextBody.of(bytes);
            assertThat(EscapedTextBody.half(bytes)).as("split").isLessThan(bytes.length);
            byte[] out = new byte[(int) body.length() + 1];
            out[out.length - 1] = '#';
            assertThat(body.writeTo(out, 0)).isEqualTo(body.length());
            assertThat(new String(out, 0, (int) body.length(), StandardCharsets.UTF_8)).isEqualTo(jackson(bytes));
            assertThat(out[out.length - 1]).isEqualTo((byte) '#');
            bytes[EscapedTextBody.half(bytes) - 1] = (byte) 0xC3; // a character cut in two where the halves meet
            assertThat(EscapedTextBody.of(bytes)).as("malformed at the split").isNull();
        }
    }

    private static void assertEscapedAsJackson(byte[] bytes) throws IOException {
        long length = JsonStringEscaper.escapedLength(bytes, 0, bytes.length);
        byte[] out = new byte[(int) length + 4];
        Arrays.fill(out, (byte) '#');
        int end = JsonStringEscaper.escape(bytes, 0, bytes.length, out, 2);
        assertThat(end).isEqualTo(2 + length);
        assertThat(new String(out, 2, (int) length, StandardCharsets.UTF_8)).as(HexFormat.of().formatHex(bytes))
                .isEqualTo(jackson(bytes));
        assertThat(out[end]).as("the byte after the escaped text is untouched").isEqualTo((byte) '#');
    }

    private static String jackson(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeUTF8String(bytes, 0, bytes.length);
        }
        String quoted = out.toString(StandardCharsets.UTF_8);
        return quoted.substring(1, quoted.length() - 1);
    }
}
