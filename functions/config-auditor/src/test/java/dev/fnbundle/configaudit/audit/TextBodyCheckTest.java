package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass body check counts UTF-8 bytes and finds non-text exactly as the code-point definitions say. */
class TextBodyCheckTest {

    @Test
    void utf8_size_and_text_follow_the_code_point_definitions() {
        // given: ASCII, allowed and refused control characters, 2- and 3-byte characters, pairs and lone halves
        String[] units = {"a", " ", "~", "\u007f", "\t", "\n", "\r", "\u000b", "\f", "\u001b", "\u0000", "\u001f",
            "é", "\u07ff", "\u0800", "€", "\uffff", "\ud83d\ude00", "\ud800", "\udfff"};
        Random random = new Random(11);
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(units[random.nextInt(units.length)]);
            }
            String body = sb.toString();
            long bytes = body.codePoints().mapToLong(cp -> cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4)
                    .sum();
            boolean text = body.codePoints().allMatch(cp -> cp >= ' ' || "\t\n\u000b\f\r\u001b".indexOf(cp) >= 0)
                    && body.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff);
            // when / then
            if (text) {
                assertThatCode(() -> TextBodyCheck.check("f", body, bytes)).as(body).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> TextBodyCheck.check("f", body, bytes)).as(body)
                        .isInstanceOfSatisfying(PayloadRejectedException.class, e -> {
                            assertThat(e.reason()).isEqualTo(PayloadRejectedException.Reason.NOT_TEXT);
                            assertThat(e.actualBytes()).isEqualTo(bytes);
                        });
            }
            if (bytes > 0) {
                assertThatThrownBy(() -> TextBodyCheck.check("f", body, bytes - 1)).as(body)
                        .isInstanceOfSatisfying(PayloadRejectedException.class, e -> {
                            assertThat(e.reason()).isEqualTo(PayloadRejectedException.Reason.TOO_LARGE);
                            assertThat(e.actualBytes()).isEqualTo(bytes);
                        });
            }
        }
    }

    @Test
    void checked_lines_accept_and_refuse_as_the_check_does_and_cut_as_splitlines_does() {
        // given: plain ASCII bodies (one pass) and bodies with any other character (checked again)
        String[] units = {"a", " ", "\u007f", "\t", "\n", "\r", "\r\n", "\u000b", "\f", "\u001b", "\u0000",
            "\u001c", "\u001e", "\u001f", "\u0085", "\u2028", "é", "€", "\ud83d\ude00", "\ud800"};
        Random random = new Random(23);
        for (int round = 0; round < 5000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(units[random.nextInt(units.length)]);
            }
            String body = sb.toString();
            for (long limit : new long[] {Long.MAX_VALUE, body.length(), Math.max(0, body.length() - 1)}) {
                // when
                Object expected = outcome(() -> {
                    TextBodyCheck.check("f", body, limit);
                    return TextLines.of(body);
                });
                Object actual = outcome(() -> TextBodyCheck.checkedLines("f", body, null, limit));
                // then
                assertThat(actual).as(body + " / " + limit).isEqualTo(expected);
            }
        }
    }

    private static Object outcome(java.util.function.Supplier<TextLines> call) {
        try {
            return List.copyOf(call.get());
        } catch (PayloadRejectedException e) {
            return List.of(e.reason(), e.limitBytes(), e.actualBytes());
        }
    }
}
