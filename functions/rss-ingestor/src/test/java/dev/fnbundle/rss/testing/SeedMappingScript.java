package dev.fnbundle.rss.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The seed tutorial's RSS mapping in Python ({@code python/seed_rss_mapping.py}: {@code seed_articles(path)},
 * {@code iso_date}, {@code write_samples}), one copy for the differential test and the benchmarks, which reach it
 * through this module's test-jar.
 */
public final class SeedMappingScript {
    private SeedMappingScript() {
    }

    /** The mapping followed by {@code driver}, the code that calls it: one script to run with python3. */
    public static String withDriver(String driver) {
        try (InputStream in = SeedMappingScript.class.getResourceAsStream("/python/seed_rss_mapping.py")) {
            if (in == null) {
                throw new IllegalStateException("python/seed_rss_mapping.py is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n\n" + driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
