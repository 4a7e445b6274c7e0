package dev.fnbundle.common.net;

import java.net.InetAddress;

/**
 * Classifies IP addresses by the ranges of RFC 6890 and friends, looking through the IPv6 forms that embed an
 * IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16} and Teredo {@code 2001::/32}, whose server and obfuscated client addresses both count).
 */
public final class AddressClassifier {
    private AddressClassifier() {
    }

    /** @return the category; never null. O(1). */
    public static AddressCategory classify(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b, 0) : ipv6(b);
    }

    private static AddressCategory ipv4(byte[] bytes, int offset) {
        int a = bytes[offset] & 0xFF;
        int b = bytes[offset + 1] & 0xFF;
        int c = bytes[offset + 2] & 0xFF;
        int d = bytes[offset + 3] & 0xFF;
        if (a == 0) {
            return AddressCategory.UNSPECIFIED;
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
            return AddressCategory.PRIVATE;
        }
        if (a == 127) {
            return AddressCategory.LOOPBACK;
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return AddressCategory.SHARED;
        }
        if (a == 169 && b == 254) {
            return AddressCategory.LINK_LOCAL;
        }
        if (a >= 224 && a <= 239) {
            return AddressCategory.MULTICAST;
        }
        if (a == 255 && b == 255 && c == 255 && d == 255) {
            return AddressCategory.BROADCAST;
        }
        boolean reserved = a >= 240
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 192 && b == 88 && c == 99)
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113);
        return reserved ? AddressCategory.RESERVED : AddressCategory.PUBLIC;
    }

    private static AddressCategory ipv6(byte[] b) {
        if (zero(b, 0, 10)) {
            if ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                return ipv4(b, 12);
            }
            if (zero(b, 10, 16)) {
                return AddressCategory.UNSPECIFIED;
            }
            if (zero(b, 10, 15) && b[15] == 1) {
                return AddressCategory.LOOPBACK;
            }
            if (zero(b, 10, 12)) {
                return ipv4(b, 12);
            }
            return AddressCategory.RESERVED;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0xFF) {
            return AddressCategory.MULTICAST;
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return AddressCategory.LINK_LOCAL;
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return AddressCategory.PRIVATE;
        }
        if ((first & 0xFE) == 0xFC) {
            return AddressCategory.UNIQUE_LOCAL;
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
            return ipv4(b, 12);
        }
        if (first == 0x20 && second == 0x02) {
            return ipv4(b, 2);
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return teredo(b);
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
            return AddressCategory.RESERVED;
        }
        return (first & 0xE0) == 0x20 ? AddressCategory.PUBLIC : AddressCategory.RESERVED;
    }

    private static AddressCategory teredo(byte[] b) {
        AddressCategory server = ipv4(b, 4);
        if (server != AddressCategory.PUBLIC) {
            return server;
        }
        byte[] client = new byte[4];
        for (int i = 0; i < 4; i++) {
            client[i] = (byte) ~b[12 + i];
        }
        return ipv4(client, 0);
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
