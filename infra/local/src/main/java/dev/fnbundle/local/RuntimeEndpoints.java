package dev.fnbundle.local;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.local.api.HttpExchanges;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.schedule.Scheduler;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The runtime's own endpoints: {@code GET /_local/health} and {@code POST /_local/schedules/RULE/fire}. */
final class RuntimeEndpoints {
    private final Collection<FunctionPool> pools;
    private final Supplier<Scheduler> scheduler;

    /** @param scheduler the scheduler, once it runs (endpoints are registered before it starts) */
    RuntimeEndpoints(Collection<FunctionPool> pools, Supplier<Scheduler> scheduler) {
        this.pools = pools;
        this.scheduler = scheduler;
    }

    void serveHealth(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            HttpExchanges.problem(exchange, 405, "Method Not Allowed", "GET /_local/health");
            return;
        }
        var health = health(pools);
        HttpExchanges.json(exchange, health.getKey() ? 200 : 503, health.getValue());
    }

    /** {@code POST /_local/schedules/RULE/fire} fires a schedule rule now. */
    void serveFire(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.endsWith("/fire") || !exchange.getRequestMethod().equals("POST")) {
            HttpExchanges.problem(exchange, 404, "Not Found", "fire a rule with POST /_local/schedules/RULE/fire");
            return;
        }
        String rule = path.substring("/_local/schedules/".length(), path.length() - "/fire".length());
        if (scheduler.get() == null) {
            HttpExchanges.problem(exchange, 503, "Service Unavailable", "the schedules are not running yet");
        } else if (scheduler.get().fire(rule)) {
            HttpExchanges.json(exchange, 202, Map.of("fired", rule));
        } else {
            HttpExchanges.json(exchange, 404, Map.of("message", "no schedule rule named " + rule));
        }
    }

    /**
     * Ready when every function has a warm instance; the body lists each function's state (ready, starting,
     * waiting for a debugger, failed), so a client can see which routes answer at once while the runtime starts.
     */
    static Map.Entry<Boolean, Object> health(Collection<FunctionPool> pools) {
        var functions = new LinkedHashMap<String, String>();
        boolean ready = true;
        for (FunctionPool pool : pools) {
            boolean poolReady = pool.isReady();
            ready &= poolReady;
            functions.put(pool.spec().logicalId(), pool.state());
        }
        return Map.entry(ready, Map.of("status", ready ? "ready" : "not ready", "functions", functions));
    }
}
