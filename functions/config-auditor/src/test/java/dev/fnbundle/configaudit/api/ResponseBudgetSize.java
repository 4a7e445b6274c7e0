package dev.fnbundle.configaudit.api;

/** Test access to the escaped size the budget measures. */
public final class ResponseBudgetSize {
    private ResponseBudgetSize() {
    }

    public static long of(String body) {
        return ResponseBudget.escapedSize(body, 0, body.length());
    }
}
