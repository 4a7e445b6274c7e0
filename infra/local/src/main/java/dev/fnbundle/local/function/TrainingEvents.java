package dev.fnbundle.local.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API (payload 2.0) events an {@link AotTrainer} sends a function behind routes, none with a side effect:
 * a {@code GET} of a path no route has (the function's router answers 404: event parsing, routing, problem
 * rendering), then one {@code GET} per {@code GET} route of the function, its path parameters set to a value no
 * item has ({@value #ABSENT}), with a caller's JWT claims. A {@code GET} only reads (HTTP's safe method), so these
 * make the function's first read of its data store, and the cache gets the AWS SDK's request path (marshalling,
 * signing, the HTTP client, unmarshalling of the answer or of the error) that a first invocation otherwise loads:
 * measured on this machine, most of a first invocation's time.
 */
final class TrainingEvents {
    static final String UNKNOWN_PATH = "/_local/aot-training";
    /** The value of every path parameter: a name no user chooses, and that no item can hold. */
    static final String ABSENT = "aot-training-absent";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A path parameter, e.g. {@code {id}}, or a greedy one, {@code {proxy+}}; template paths are short. */
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_.-]{1,64})\\+?}");

    private TrainingEvents() {
    }

    /** One event and the request id its request context carries, which the Runtime API hands out with it. */
    record TrainingEvent(String requestId, byte[] json) {
    }

    /** The events for {@code spec}, in the order they are sent; empty for a function behind no route. */
    static List<TrainingEvent> of(FunctionSpec spec, String requestIdPrefix) {
        var routes = spec.events(EventSpec.HttpApiRoute.class);
        if (routes.isEmpty()) {
            return List.of();
        }
        var events = new ArrayList<TrainingEvent>();
        events.add(event(requestIdPrefix + "-0", "$default", UNKNOWN_PATH, null));
        for (EventSpec.HttpApiRoute route : routes) {
            if (!route.method().equalsIgnoreCase("GET") || route.path().equals("$default")) {
                continue;
            }
            ObjectNode parameters = MAPPER.createObjectNode();
            Matcher matcher = PARAMETER.matcher(route.path());
            String path = matcher.replaceAll(match -> {
                parameters.put(match.group(1), ABSENT);
                return ABSENT;
            });
            events.add(event(requestIdPrefix + "-" + events.size(), route.routeKey(), path, parameters));
        }
        return List.copyOf(events);
    }

    /** @param parameters the path parameters; null for the unknown path (no route, no authorizer) */
    private static TrainingEvent event(String requestId, String routeKey, String path, ObjectNode parameters) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.putObject("headers").put("accept", "application/json").put("host", "localhost");
        if (parameters != null && !parameters.isEmpty()) {
            event.set("pathParameters", parameters);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000").put("apiId", "local").put("domainName", "localhost");
        context.putObject("http").put("method", "GET").put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "fnbundle-aot-training");
        context.put("requestId", requestId).put("routeKey", routeKey).put("stage", "$default")
                .put("time", "01/Jan/2026:00:00:00 +0000").put("timeEpoch", 1767225600000L);
        if (parameters != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.putObject("claims").put("sub", "aot-training");
            jwt.putArray("scopes");
        }
        event.put("isBase64Encoded", false);
        return new TrainingEvent(requestId, event.toString().getBytes(StandardCharsets.UTF_8));
    }
}
