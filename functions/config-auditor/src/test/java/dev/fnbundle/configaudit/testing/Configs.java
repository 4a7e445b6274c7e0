package dev.fnbundle.configaudit.testing;

/** The seed tutorial's template and deployed configs (INI), shared by the tests. */
public final class Configs {
    public static final String TEMPLATE = """
            [server]
            host = 0.0.0.0
            port = 8080
            workers = 4
            timeout = 30

            [database]
            host = db.internal
            port = 5432
            pool_size = 10
            """;
    public static final String DEPLOYED = """
            [server]
            host = 0.0.0.0
            port = 9090
            workers = 4
            timeout = 30

            [database]
            host = db.internal
            port = 5432
            pool_size = 20
            max_overflow = 5
            """;
    /** What Python's {@code SequenceMatcher(None, a, b).ratio()} gives for the two, line by line. */
    public static final double SEED_RATIO = 0.7619047619047619;

    private Configs() {
    }
}
