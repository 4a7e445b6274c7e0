package dev.fnbundle.fuzzy;

/**
 * Benchmark-only access to the API handler's wiring constructor (package-private, as the handler tests use it), so
 * the cold-search child can build the real handler and still ask the wiring where its index came from.
 */
public final class BenchApiHandler {
    private BenchApiHandler() {
    }

    /** The handler over {@code wiring}. */
    public static FuzzyApiHandler over(FuzzyWiring wiring) {
        return new FuzzyApiHandler(wiring);
    }
}
