package dev.fnbundle.bench.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The two configs of one drift benchmark size: {@code lines} generated INI-style lines (seed {@value #SEED} plus
 * the size) and a copy with about 1% of them changed, as files so that Python reads the same bytes.
 *
 * @param lines the size
 * @param a     the first config's text
 * @param b     the drifted copy's text
 */
record DriftInputs(int lines, String a, String b) {
    static final long SEED = 20260101L;

    static DriftInputs of(int lines) {
        Random random = new Random(SEED + lines);
        List<String> base = ConfigGenerator.config(random, lines);
        return new DriftInputs(lines, String.join("", base), String.join("", ConfigGenerator.mutate(random, base,
                0.01)));
    }

    /** Writes both texts under {@code dir}; returns their paths, a then b. */
    Path[] write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path fa = dir.resolve("a-" + lines + ".conf");
            Path fb = dir.resolve("b-" + lines + ".conf");
            Files.writeString(fa, a);
            Files.writeString(fb, b);
            return new Path[] {fa, fb};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
