package dev.fnbundle.local.api;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.CompletableFuture;

/**
 * The RSA key pairs that sign dev tokens, generated ahead of need on a background thread: finding the primes of a
 * 2048-bit key takes 0.1–1 s of CPU, which the runtime's start would otherwise wait for after its services
 * (0.5 s on a loaded 2-core machine, measured with JFR). {@link #prepare} is called first thing at start; each
 * {@link #take} hands out a fresh key.
 */
public final class DevSigningKeys {
    private static CompletableFuture<KeyPair> next;

    private DevSigningKeys() {
    }

    /** Starts generating the next key pair, unless one is already under way or ready. */
    public static synchronized void prepare() {
        if (next == null) {
            next = CompletableFuture.supplyAsync(DevSigningKeys::generate,
                    task -> Thread.ofPlatform().daemon().name("dev-signing-key").start(task));
        }
    }

    /** A key pair nobody else has: the prepared one, or one generated now. */
    static KeyPair take() {
        CompletableFuture<KeyPair> pending;
        synchronized (DevSigningKeys.class) {
            prepare();
            pending = next;
            next = null;
        }
        return pending.join();
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
