package dev.fnbundle.email.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonSizeTest {
    @Test
    void the_size_is_what_the_json_mapper_writes_for_any_text() {
        var random = new SplittableRandom(42);
        for (int round = 0; round < 500; round++) {
            var text = new StringBuilder();
            int length = random.nextInt(0, 60);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(6);
                text.appendCodePoint(switch (kind) {
                    case 0 -> random.nextInt(0, 0x20);
                    case 1 -> "\"\\,=\r\n".charAt(random.nextInt(6));
                    case 2 -> random.nextInt(0x80, 0x800);
                    case 3 -> random.nextInt(0x800, 0xD800);
                    case 4 -> random.nextInt(0x10000, 0x10FFFF);
                    default -> random.nextInt(0x20, 0x7F);
                });
            }
            String json = Json.write(text.toString());

            assertThat(JsonSize.of(text)).as(json).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length - 2);
        }
    }
}
