package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time search for a plain string's closing quote agrees with a byte-by-byte scan: the quote's index
 * when only printable ASCII other than a backslash comes before it, else -1; at every offset and limit.
 */
class PlainJsonStringTest {
    private static final byte[] BYTES = {'"', '\\', 0x00, 0x1F, 0x20, 0x21, 0x22 + 1, 0x5B, 0x5D, 0x7E, 0x7F,
        (byte) 0x80, (byte) 0x9F, (byte) 0xA0, (byte) 0xC3, (byte) 0xFF, 'a', 'n', '0'};

    @Test
    void finds_the_quote_exactly_where_a_byte_loop_finds_it() {
        Random random = new Random(3);
        for (int round = 0; round < 200_000; round++) {
            byte[] buf = new byte[random.nextInt(40)];
            for (int i = 0; i < buf.length; i++) {
                // mostly plain letters, so quotes and bad bytes land at every position of a word
                buf[i] = random.nextInt(4) == 0 ? BYTES[random.nextInt(BYTES.length)] : (byte) ('a' + i % 26);
            }
            int from = buf.length == 0 ? 0 : random.nextInt(buf.length + 1);
            int limit = from + random.nextInt(buf.length - from + 1);

            assertThat(PlainJsonString.end(buf, from, limit)).isEqualTo(byteLoop(buf, from, limit));
        }
    }

    private static int byteLoop(byte[] buf, int from, int limit) {
        for (int p = from; p < limit; p++) {
            int b = buf[p] & 0xFF;
            if (b == '"') {
                return p;
            }
            if (b == '\\' || b < 0x20 || b >= 0x80) {
                return -1;
            }
        }
        return -1;
    }
}
