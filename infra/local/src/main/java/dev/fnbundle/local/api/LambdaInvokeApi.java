package dev.fnbundle.local.api;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}), as the AWS CLI and SDKs call it. */
final class LambdaInvokeApi {
    static final String PREFIX = "/2015-03-31/functions/";

    private final Map<String, FunctionPool> pools;

    LambdaInvokeApi(Map<String, FunctionPool> pools) {
        this.pools = pools;
    }

    void handle(HttpExchange exchange, String path) throws IOException, InterruptedException {
        String[] parts = path.split("/");
        if (parts.length != 5 || !parts[4].equals("invocations") || !exchange.getRequestMethod().equals("POST")) {
            HttpApiGateway.send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            return;
        }
        FunctionPool pool = pools.values().stream().filter(p -> p.spec().logicalId().equals(parts[3])
                || p.spec().name().equals(parts[3])).findFirst().orElse(null);
        if (pool == null) {
            HttpApiGateway.send(exchange, 404, "application/json",
                    "{\"Type\":\"User\",\"message\":\"Function not found: " + parts[3].replace("\"", "") + "\"}");
            return;
        }
        byte[] event = exchange.getRequestBody().readNBytes(6 * 1024 * 1024);
        InvocationResult result = pool.invoke(event.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : event,
                Trigger.invoke("RequestResponse"));
        if (!result.succeeded()) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
        }
        HttpApiGateway.send(exchange, 200, "application/json", result.payloadText());
    }
}
