package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.local.function.AsyncInvocations;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.observe.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) as the AWS CLI and SDKs call
 * it: the function by logical id, name or ARN (qualifier {@code $LATEST}); {@code X-Amz-Invocation-Type}
 * {@code RequestResponse} (200 with the function's answer, {@code X-Amz-Function-Error: Unhandled} and Lambda's
 * error document when it failed), {@code Event} (202 at once, run by {@link AsyncInvocations} with Lambda's
 * retries) or {@code DryRun} (204); {@code X-Amz-Log-Type: Tail} returns the last 4 KB of the invocation's log,
 * base64, in {@code X-Amz-Log-Result}. Errors carry {@code x-amzn-ErrorType}, which the SDKs map to exceptions.
 */
final class LambdaInvokeApi {
    static final String PREFIX = "/2015-03-31/functions/";
    /** Lambda's payload limits: 6 MB for a synchronous request, 1 MB for an asynchronous one. */
    static final int MAX_SYNC_BYTES = 6 * 1024 * 1024;
    static final int MAX_ASYNC_BYTES = 1024 * 1024;
    private static final int TAIL_BYTES = 4 * 1024;
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private final Map<String, FunctionPool> pools;
    private final AsyncInvocations async;
    private final String region;
    private final String accountId;

    LambdaInvokeApi(Map<String, FunctionPool> pools, AsyncInvocations async, String region, String accountId) {
        this.pools = pools;
        this.async = async;
        this.region = region;
        this.accountId = accountId;
    }

    void handle(HttpExchange exchange, String path) throws IOException, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 2 || !parts[1].equals("invocations")) {
            error(exchange, 404, "UnknownOperationException", "Unknown operation " + path);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 405, "UnknownOperationException", "Invoke takes POST");
            return;
        }
        String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String qualifier = qualifier(exchange.getRequestURI().getRawQuery());
        FunctionPool pool = find(name, qualifier);
        if (pool == null) {
            error(exchange, 404, "ResourceNotFoundException", "Function not found: " + arn(name, qualifier));
            return;
        }
        String type = header(exchange, "X-Amz-Invocation-Type", "RequestResponse");
        if (!type.equals("RequestResponse") && !type.equals("Event") && !type.equals("DryRun")) {
            error(exchange, 400, "InvalidParameterValueException", "1 validation error detected: Value '" + type
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [Event, RequestResponse, DryRun]");
            return;
        }
        int limit = type.equals("Event") ? MAX_ASYNC_BYTES : MAX_SYNC_BYTES;
        byte[] event = HttpExchanges.readBody(exchange, limit);
        if (event.length > limit) {
            // Read (a bounded part of) the rest first: a client still sending would not see the answer.
            exchange.getRequestBody().transferTo(new BoundedSink(DRAIN_LIMIT_BYTES));
            error(exchange, 413, "RequestTooLargeException", "Request must be smaller than " + limit
                    + " bytes for the InvokeFunction operation");
            return;
        }
        byte[] payload = event.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : event;
        switch (type) {
            case "DryRun" -> HttpApiGateway.send(exchange, 204, null, "");
            case "Event" -> {
                if (async.submit(pool, payload, requestId)) {
                    HttpApiGateway.send(exchange, 202, null, "");
                } else {
                    error(exchange, 429, "TooManyRequestsException", "Rate Exceeded.");
                }
            }
            default -> requestResponse(exchange, pool, payload, requestId);
        }
    }

    private void requestResponse(HttpExchange exchange, FunctionPool pool, byte[] event, String requestId)
            throws IOException, InterruptedException {
        InvocationResult result = pool.invoke(event, Trigger.invoke("RequestResponse"), requestId);
        var headers = exchange.getResponseHeaders();
        headers.set("X-Amz-Executed-Version", "$LATEST");
        if (!result.succeeded()) {
            headers.set("X-Amz-Function-Error", "Unhandled");
        }
        if ("Tail".equals(header(exchange, "X-Amz-Log-Type", "None"))) {
            headers.set("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail(result, pool)));
        }
        HttpExchanges.send(exchange, 200, "application/json", result.payload() == null ? new byte[0]
                : result.payload());
    }

    /** The invocation's log as CloudWatch shows it (START, the function's lines, END, REPORT), last 4 KB. */
    private static byte[] tail(InvocationResult result, FunctionPool pool) {
        var log = new ByteArrayOutputStream();
        log.writeBytes(("START RequestId: " + result.requestId() + " Version: $LATEST\n")
                .getBytes(StandardCharsets.UTF_8));
        log.writeBytes(result.logTail());
        log.writeBytes(("END RequestId: " + result.requestId() + "\n").getBytes(StandardCharsets.UTF_8));
        log.writeBytes((report(result, pool) + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = log.toByteArray();
        return bytes.length <= TAIL_BYTES ? bytes : Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES,
                bytes.length);
    }

    private static String report(InvocationResult result, FunctionPool pool) {
        String line = String.format(Locale.ROOT, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms"
                + "\tMemory Size: %d MB\tMax Memory Used: %s", result.requestId(), result.durationMillis(),
                result.billedMillis(), pool.spec().memoryMb(), result.maxMemoryMb() < 0 ? "n/a"
                        : result.maxMemoryMb() + " MB");
        return result.cold() ? line + String.format(Locale.ROOT, "\tInit Duration: %.2f ms", result.initMillis())
                : line;
    }

    /**
     * The function a name designates: a logical id or function name, or an ARN (full, or partial
     * {@code ACCOUNT:function:NAME}), whose qualifier, like {@code ?Qualifier=}, must be {@code $LATEST}.
     */
    private FunctionPool find(String name, String qualifier) {
        String function = name;
        String arnQualifier = null;
        String[] arn = name.split(":", -1);
        int at = Arrays.asList(arn).indexOf("function");
        if (at >= 0 && at + 1 < arn.length) {
            function = arn[at + 1];
            arnQualifier = at + 2 < arn.length ? arn[at + 2] : null;
        }
        for (String q : new String[] {qualifier, arnQualifier}) {
            if (q != null && !q.equals("$LATEST")) {
                return null;
            }
        }
        String wanted = function;
        return pools.values().stream().filter(p -> p.spec().logicalId().equals(wanted)
                || p.spec().name().equals(wanted)).findFirst().orElse(null);
    }

    private String arn(String name, String qualifier) {
        String base = name.startsWith("arn:") ? name : "arn:aws:lambda:" + region + ":" + accountId + ":function:"
                + name;
        return qualifier == null ? base : base + ":" + qualifier;
    }

    private static String qualifier(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("Qualifier=")) {
                return URLDecoder.decode(pair.substring("Qualifier=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String header(HttpExchange exchange, String name, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? fallback : value;
    }

    /** Discards what it is given, failing once more than {@code limit} bytes came. */
    private static final class BoundedSink extends java.io.OutputStream {
        private long left;

        BoundedSink(long limit) {
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            left -= length;
            if (left < 0) {
                throw new IOException("request body too large to drain");
            }
        }
    }

    /** Lambda's error answer: the type in x-amzn-ErrorType (what the SDKs read), and a JSON body. */
    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        HttpExchanges.send(exchange, status, "application/json", new ObjectMapper().writeValueAsBytes(
                Map.of("Type", "User", "message", message)));
    }
}
