package dev.fnbundle.orders.graph;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of a JSON string that needs no decoding: printable ASCII without backslashes, almost every node
 * name. Eight bytes at a time (SWAR), so a short name costs one word's test instead of a branch per byte; the
 * lexer's byte loop, which handles everything else, stays the reference.
 */
final class PlainJsonString {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private PlainJsonString() {
    }

    /**
     * The index of the closing quote of the string whose content starts at {@code from}, or -1 when a byte that is
     * not printable ASCII ({@code < 0x20} or {@code >= 0x80}) or a backslash comes first, or {@code limit} does.
     */
    static int end(byte[] buf, int from, int limit) {
        int p = from;
        for (; p + 8 <= limit; p += 8) {
            long word = (long) LONG_LE.get(buf, p);
            // Each term's lowest flagged byte is exact (borrows only run upwards), so the lowest flag is the first
            // byte that is a control byte or non-ASCII, a quote or a backslash.
            long special = ((word - 0x20 * ONES) | word) & HIGHS;
            long quote = word ^ '"' * ONES;
            long backslash = word ^ '\\' * ONES;
            long flags = special | (quote - ONES) & ~quote & HIGHS | (backslash - ONES) & ~backslash & HIGHS;
            if (flags != 0) {
                int at = p + (Long.numberOfTrailingZeros(flags) >>> 3);
                return buf[at] == '"' ? at : -1;
            }
        }
        for (; p < limit; p++) {
            byte b = buf[p];
            if (b == '"') {
                return p;
            }
            if (b == '\\' || b < 0x20) {
                return -1;
            }
        }
        return -1;
    }
}
