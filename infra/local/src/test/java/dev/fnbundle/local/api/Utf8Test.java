package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event's body is sent as text exactly when the JDK's strict UTF-8 decoder accepts it. */
class Utf8Test {
    @ParameterizedTest
    @ValueSource(strings = {"", "41", "c3a9", "e282ac", "f09f9880", "c0af", "e080af", "eda080", "f4908080", "80",
        "c3", "e282", "f09f98", "f8888080af", "ff", "41c3a942"})
    void agrees_with_the_strict_decoder_on_edge_cases(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Utf8.isValid(bytes)).as(hex).isEqualTo(strictlyDecodes(bytes));
    }

    @Test
    void agrees_with_the_strict_decoder_on_random_bytes() {
        var random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                // mostly text, with a few high bytes: where the edge cases are
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = random.nextInt(4) == 0 ? bytes[k] : (byte) (0x20 + random.nextInt(90));
                }
            }
            assertThat(Utf8.isValid(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(strictlyDecodes(bytes));
        }
    }

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
