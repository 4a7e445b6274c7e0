package dev.fnbundle.configaudit.difflib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line hash's tail, read as one long where the line has eight bytes, is the tail read byte by byte. */
class EncodedLineHashTest {

    @Test
    void the_tail_read_as_one_long_equals_the_tail_read_a_byte_at_a_time() {
        byte[] bytes = new byte[64];
        new Random(42).nextBytes(bytes);
        for (int from = 0; from < bytes.length; from++) {
            for (int to = from; to <= bytes.length; to++) {
                int i = from + (to - from) / 8 * 8;
                assertThat(TextLines.Encoded.tail(bytes, from, i, to)).as("[%d, %d)", from, to)
                        .isEqualTo(byteByByte(bytes, i, to));
            }
        }
    }

    @Test
    void equal_ranges_hash_equal_wherever_they_stand() {
        byte[] a = "x\noption_17 = value-1\nzz".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] b = "option_17 = value-1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(TextLines.Encoded.hash(a, 2, 22)).isEqualTo(TextLines.Encoded.hash(b, 0, 20));
        assertThat(TextLines.Encoded.hash(a, 0, 2)).isEqualTo(TextLines.Encoded.hash("x\n".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1), 0, 2));
    }

    private static long byteByByte(byte[] bytes, int i, int to) {
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        return tail;
    }
}
