package dev.fnbundle.configaudit;

import dev.fnbundle.configaudit.api.ResponseBudget;

/**
 * Benchmark-only access to the API handler's wiring constructor (package-private, as the handler tests use it),
 * so a benchmark can run the real handler over DynamoDB Local or an in-memory repository.
 */
public final class BenchHandler {
    private BenchHandler() {
    }

    /** The handler over {@code wiring}, with the production response budget. */
    public static ConfigAuditApiHandler over(ConfigAuditWiring wiring) {
        return new ConfigAuditApiHandler(wiring, new ResponseBudget(ResponseBudget.DEFAULT_BYTES));
    }
}
