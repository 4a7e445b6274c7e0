package dev.fnbundle.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: content fingerprints, stable ids derived from names, request digests for
 * idempotency. Every function hashes through here rather than keeping its own copy of the {@code MessageDigest}
 * boilerplate. Thread-safe (a new {@code MessageDigest} per call; the JDK caches the provider lookup).
 */
public final class Digests {
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    /** The SHA-256 of {@code bytes}, 64 lower-case hex digits. */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    /** The SHA-256 of {@code text}'s UTF-8 encoding, 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw 32-byte SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
