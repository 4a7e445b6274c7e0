package dev.fnbundle.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Reads a host the way C's {@code inet_aton} (and so curl, browsers and many proxies) does: one to four parts,
 * each decimal, octal (leading 0) or hex (0x), the last filling the remaining bytes. {@code 2130706433},
 * {@code 0x7f.1} and {@code 0177.0.0.1} are all 127.0.0.1, which is why a guard must decode them itself.
 */
final class NumericHost {
    private NumericHost() {
    }

    /** The IPv4 address the host denotes, or null when it is not numeric in any of these forms. */
    static Inet4Address parse(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i]);
            if (values[i] < 0) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xFF) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** The value of one part, or -1 when it is not a number. */
    private static long part(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = p;
        if (p.startsWith("0x")) {
            radix = 16;
            digits = p.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            digits = p.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 11) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return -1;
            }
        }
        return Long.parseLong(digits, radix);
    }
}
