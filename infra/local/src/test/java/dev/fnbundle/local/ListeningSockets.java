package dev.fnbundle.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets this JVM and its child processes listen on, read from Linux's {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6} (the kernel's view, whatever the server library claims), matched to the processes by
 * the sockets' inodes in {@code /proc/PID/fd}.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    /** One listening socket: its local address as the kernel prints it (decoded) and its port. */
    record Socket(String address, int port) {
        boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }
    }

    private ListeningSockets() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** Every socket in LISTEN state owned by this JVM or one of its descendants. */
    static List<Socket> ofThisProcessTree() {
        Set<String> inodes = new HashSet<>();
        socketInodes(ProcessHandle.current().pid(), inodes);
        ProcessHandle.current().descendants().forEach(child -> socketInodes(child.pid(), inodes));
        var sockets = new ArrayList<Socket>();
        read(Path.of("/proc/net/tcp"), false, inodes, sockets);
        read(Path.of("/proc/net/tcp6"), true, inodes, sockets);
        return sockets;
    }

    private static void socketInodes(long pid, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
    }

    private static void read(Path table, boolean ipv6, Set<String> inodes, List<Socket> sockets) {
        if (!Files.isReadable(table)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && columns[3].equals(LISTEN) && inodes.contains(columns[9])) {
                    String[] local = columns[1].split(":");
                    sockets.add(new Socket(ipv6 ? ipv6(local[0]) : ipv4(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** /proc prints an IPv4 address as one little-endian 32-bit word. */
    private static String ipv4(String hex) {
        return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
    }

    /** ... and an IPv6 address as four of them; "::1", "::ffff:a.b.c.d" and "::" come out in their short forms. */
    private static String ipv6(String hex) {
        var bytes = new int[16];
        for (int word = 0; word < 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= bytes[i] == 0;
        }
        if (zeroPrefix && bytes[10] == 0xff && bytes[11] == 0xff) {
            return "::ffff:" + bytes[12] + "." + bytes[13] + "." + bytes[14] + "." + bytes[15];
        }
        var text = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(bytes[i] << 8 | bytes[i + 1]));
        }
        String full = text.toString();
        return switch (full) {
            case "0:0:0:0:0:0:0:1" -> "::1";
            case "0:0:0:0:0:0:0:0" -> "::";
            default -> full.toLowerCase(Locale.ROOT);
        };
    }
}
