package dev.fnbundle.local.api;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.embedded.LoopbackRequests;
import java.io.IOException;

/**
 * Keeps web pages away from the runtime's own endpoints ({@code /_local/*}) and Lambda's Invoke API, which need
 * no token: a request whose {@code Host} is not a loopback name (DNS rebinding) or whose {@code Origin} is another
 * site (CSRF) gets a 403 problem. Pages served by the runtime itself (the browser console) are same-origin and
 * pass. The template's API routes are not guarded: they behave as API Gateway does, with their authorizer.
 */
final class BrowserGuard {
    private BrowserGuard() {
    }

    /** True when the request was refused (and answered); false when it may go on. */
    static boolean refuses(HttpExchange exchange, int port) throws IOException {
        var headers = exchange.getRequestHeaders();
        if (!LoopbackRequests.isLoopbackHost(headers.getFirst("Host"))) {
            HttpExchanges.problem(exchange, 403, "Forbidden", "this endpoint answers requests addressed to"
                    + " localhost, 127.0.0.1 or [::1] only");
            return true;
        }
        if (!LoopbackRequests.isSameLoopbackOrigin(headers.getFirst("Origin"), port)) {
            HttpExchanges.problem(exchange, 403, "Forbidden", "cross-origin requests to this endpoint are refused");
            return true;
        }
        return false;
    }
}
