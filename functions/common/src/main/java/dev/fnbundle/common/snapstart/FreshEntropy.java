package dev.fnbundle.common.snapstart;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pseudorandom numbers that differ between execution environments restored from one SnapStart snapshot. A
 * generator seeded during init is part of the snapshot, so every environment restored from it would draw the same
 * sequence (retry jitter in lockstep, the herd it exists to break up); {@link ApiPriming} re-seeds this one after
 * each restore. Not for secrets: those come from {@link SecureRandom} when they are needed.
 */
public final class FreshEntropy {
    private static final AtomicLong GENERATIONS = new AtomicLong();
    private static volatile Random generator = seeded();

    private FreshEntropy() {
    }

    /** A uniform double in [0, 1). Thread-safe. */
    public static double nextDouble() {
        return generator.nextDouble();
    }

    /** Replaces the generator with one seeded from the operating system's entropy now. */
    public static void reseed() {
        generator = seeded();
        GENERATIONS.incrementAndGet();
    }

    /** How many times {@link #reseed()} ran in this JVM: lets a test see that a restore re-seeded. */
    public static long generation() {
        return GENERATIONS.get();
    }

    private static Random seeded() {
        return new Random(new SecureRandom().nextLong());
    }
}
