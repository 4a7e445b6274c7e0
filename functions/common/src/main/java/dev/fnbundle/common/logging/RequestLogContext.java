package dev.fnbundle.common.logging;

import org.slf4j.MDC;

/**
 * Puts the ids of the current invocation into every log line written while it runs.
 *
 * <pre>{@code
 * try (var ignored = RequestLogContext.open(context.getAwsRequestId(), "POST /orders/resolve")) { ... }
 * }</pre>
 */
public final class RequestLogContext implements AutoCloseable {
    public static final String REQUEST_ID = "requestId";
    public static final String OPERATION = "operation";

    private RequestLogContext() {
    }

    /** Sets the request id (and an operation label, if not null) until {@link #close()}. */
    public static RequestLogContext open(String requestId, String operation) {
        MDC.put(REQUEST_ID, requestId);
        if (operation != null) {
            MDC.put(OPERATION, operation);
        }
        return new RequestLogContext();
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(OPERATION);
    }
}
