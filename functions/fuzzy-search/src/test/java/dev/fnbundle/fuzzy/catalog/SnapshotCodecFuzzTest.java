package dev.fnbundle.fuzzy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

/**
 * Fuzz target: {@link SnapshotCodec#decode} of any bytes is a catalog or a {@link SnapshotCorruptException}, within
 * the CPU budget. The first byte picks the shape: 0 raw bytes; 1 item bytes behind a valid header and checksum,
 * deflated by the harness (so the fuzzer reaches the item decoder past the CRC); 2 items made from NUL-separated
 * text that must survive encode then decode.
 */
class SnapshotCodecFuzzTest {

    @FuzzTest
    void any_bytes_decode_to_a_catalog_or_a_corrupt_snapshot(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        switch (Byte.toUnsignedInt(data[0]) % 3) {
            case 0 -> decode(rest);
            case 1 -> decode(checksummed(rest));
            default -> roundTrip(new String(rest, StandardCharsets.UTF_8));
        }
    }

    private static void decode(byte[] snapshot) {
        try {
            SnapshotCodec.Decoded decoded = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> SnapshotCodec.decode(snapshot));
            assertThat(decoded.entries()).allSatisfy(entry -> assertThat(entry.id()).isNotNull());
        } catch (SnapshotCorruptException expected) {
            // refused: the caller reads the items instead
        }
    }

    /**
     * The rest's first 4 bytes as the item count (low 16 bits) and the others as the item bytes, deflated behind a
     * right header and checksum: what a bug in the encoder, rather than damage in storage, would produce. The
     * fuzzer drives the item decoder directly.
     */
    private static byte[] checksummed(byte[] rest) {
        int count = rest.length >= 4 ? ByteBuffer.wrap(rest).getInt() & 0xFFFF : 1;
        byte[] raw = rest.length >= 4 ? Arrays.copyOfRange(rest, 4, rest.length) : rest;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        byte[] body = new byte[raw.length + raw.length / 8 + 64];
        int length;
        try {
            deflater.setInput(raw);
            deflater.finish();
            length = deflater.deflate(body);
        } finally {
            deflater.end();
        }
        CRC32C crc = new CRC32C();
        crc.update(body, 0, length);
        ByteBuffer out = ByteBuffer.allocate(SnapshotCodec.HEADER_BYTES + length);
        out.putInt(SnapshotCodec.MAGIC).putLong(9).putInt(count).putInt(raw.length).putInt((int) crc.getValue());
        return out.put(body, 0, length).array();
    }

    private static void roundTrip(String text) {
        String[] parts = text.split("\u0000", -1);
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (parts[i].length() > 256 || parts[i + 1].codePointCount(0, parts[i + 1].length()) > 2_000
                    || parts[i].isBlank() || !ids.add(parts[i])) {
                continue; // beyond what a catalog accepts (the snapshot holds the index built over the items)
            }
            entries.add(new CatalogEntry(parts[i], parts[i + 1], i % 4 == 0 ? null : parts[i + 1]));
        }
        List<CatalogEntry> expected = entries.stream().map(e -> new CatalogEntry(utf8(e.id()), utf8(e.text()),
                e.fields() == null ? null : utf8(e.fields()))).toList();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(5, entries)).entries()).isEqualTo(expected);
    }

    /** What a string becomes through UTF-8 (lone surrogates turn into '?'), as through DynamoDB. */
    private static String utf8(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
