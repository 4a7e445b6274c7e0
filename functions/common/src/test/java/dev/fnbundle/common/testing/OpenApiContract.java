package dev.fnbundle.common.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a handler's answer against the OpenAPI document: the status is documented for the route, the content
 * type is one the response lists, the body validates against that media type's schema, every header the
 * response marks {@code required} is there, every header sent is documented, and documented headers match their
 * schemas. Handler tests call {@link #verified} (or go through {@link #checked}) where they send requests, so every
 * test case checks the contract.
 *
 * <p>Routes come from the event's {@code routeKey} (as API Gateway sets it); an event without a documented one is
 * matched by method and path. A request no route matches is what the {@code $default} route answers: the
 * document's {@code RouteNotFound} (or, where a function's own router finds the path under another method,
 * {@code MethodNotAllowed}) response.
 */
public final class OpenApiContract {
    /** Headers every answer may carry without the document listing them on each response. */
    private static final Set<String> UNDOCUMENTED_HEADERS = Set.of("content-type", "cache-control",
            "x-request-id", "content-length");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiDocument document;

    public OpenApiContract(OpenApiDocument document) {
        this.document = document;
    }

    /** The contract of the repository's document. */
    public static OpenApiContract shared() {
        return new OpenApiContract(OpenApiDocument.shared());
    }

    /**
     * Checks {@code response} as the answer to {@code event} and returns it, so a test helper needs one line.
     *
     * @throws AssertionError listing every way the answer breaks the contract
     */
    public static APIGatewayV2HTTPResponse verified(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        shared().check(event, response);
        return response;
    }

    /** A handler that answers as {@code handler} does, checking each answer as {@link #verified} does. */
    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> checked(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return (event, context) -> verified(event, handler.handleRequest(event, context));
    }

    /** @throws AssertionError listing every way the answer breaks the contract */
    public void check(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        String method = method(event);
        List<String> problems = violations(event.getRouteKey(), method, event.getRawPath(),
                response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                response.getBody());
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer of " + method + " " + event.getRawPath() + " (" + response
                    .getStatusCode() + ") breaks " + OpenApiDocument.LOCATION + ":\n  - "
                    + String.join("\n  - ", problems) + "\n  body: " + abbreviated(response.getBody()));
        }
    }

    /**
     * Every way an answer breaks the contract; empty when it keeps it.
     *
     * @param routeKey the event's route key, or null
     * @param headers  response headers (names in any case)
     * @param body     the body, or null
     */
    public List<String> violations(String routeKey, String method, String path, int status,
                                   Map<String, String> headers, String body) {
        var problems = new ArrayList<String>();
        Optional<OpenApiDocument.Operation> operation = document.operation(routeKey)
                .or(() -> path == null ? Optional.empty() : document.match(method, path));
        String responsePointer;
        String where;
        if (operation.isPresent()) {
            where = operation.get().routeKey();
            responsePointer = responsePointer(operation.get(), status);
            if (responsePointer == null) {
                problems.add("status " + status + " is not documented for " + where);
                return problems;
            }
        } else {
            where = "the $default route";
            String name = status == 405 ? "MethodNotAllowed" : "RouteNotFound";
            responsePointer = OpenApiDocument.pointer("components", "responses", name);
            if (status != 404 && status != 405) {
                problems.add("no documented route matches " + method + " " + path + ", so only 404 fits, not "
                        + status);
                return problems;
            }
        }
        JsonNode responseObject = document.resolve(document.root().at(responsePointer));
        String resolvedPointer = pointerOf(document.root().at(responsePointer), responsePointer);
        var lowerHeaders = lowerCase(headers);
        checkHeaders(where + " " + status, resolvedPointer, responseObject, lowerHeaders, problems);
        checkBody(where + " " + status, resolvedPointer, responseObject, lowerHeaders.get("content-type"), body,
                problems);
        return problems;
    }

    /** The pointer of the Response Object for a status: exact, then {@code 4XX}/{@code 5XX}, then default. */
    private String responsePointer(OpenApiDocument.Operation operation, int status) {
        JsonNode responses = operation.node().path("responses");
        for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
            if (responses.has(key)) {
                return operation.pointer() + OpenApiDocument.pointer("responses", key);
            }
        }
        return null;
    }

    /** Where a possibly referencing node really lives, so schemas compile with their own location. */
    private String pointerOf(JsonNode node, String pointer) {
        String current = pointer;
        JsonNode at = node;
        while (at != null && at.has("$ref")) {
            current = at.get("$ref").asText().substring(1);
            at = document.root().at(current);
        }
        return current;
    }

    private void checkHeaders(String where, String responsePointer, JsonNode response, Map<String, String> headers,
                              List<String> problems) {
        JsonNode documented = response.path("headers");
        var documentedNames = new ArrayList<String>();
        documented.properties().forEach(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            documentedNames.add(name);
            JsonNode header = document.resolve(entry.getValue());
            String value = headers.get(name);
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    problems.add(where + ": required header " + entry.getKey() + " is missing");
                }
                return;
            }
            if (header.has("schema")) {
                String headerPointer = responsePointer + OpenApiDocument.pointer("headers", entry.getKey());
                JsonNode schemaNode = header.get("schema");
                String schemaPointer = pointerOf(document.root().at(headerPointer), headerPointer) + "/schema";
                for (ValidationMessage message : document.schemaAt(schemaPointer).validate(headerValue(schemaNode,
                        value))) {
                    problems.add(where + ": header " + entry.getKey() + ": " + message.getMessage());
                }
            }
        });
        for (String name : headers.keySet()) {
            if (!UNDOCUMENTED_HEADERS.contains(name) && !documentedNames.contains(name)) {
                problems.add(where + ": header " + name + " is sent but not documented");
            }
        }
    }

    /** Header values are strings; a header whose schema is an integer is compared as a number. */
    private JsonNode headerValue(JsonNode schema, String value) {
        JsonNode resolved = document.resolve(schema);
        if ("integer".equals(resolved.path("type").asText()) && value.matches("-?\\d{1,18}")) {
            return JSON.getNodeFactory().numberNode(Long.parseLong(value));
        }
        return TextNode.valueOf(value);
    }

    private void checkBody(String where, String responsePointer, JsonNode response, String contentType,
                           String body, List<String> problems) {
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                problems.add(where + ": the response documents no body, but one was sent");
            }
            return;
        }
        if (contentType == null) {
            problems.add(where + ": no content-type, expected one of " + fieldNames(content));
            return;
        }
        String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String key = mediaTypeKey(content, mediaType);
        if (key == null) {
            problems.add(where + ": content-type " + mediaType + " is not one of " + fieldNames(content));
            return;
        }
        JsonNode media = content.get(key);
        if (!media.has("schema") || !isJson(mediaType)) {
            return;
        }
        JsonNode value;
        try {
            value = hasBody ? JSON.readTree(body) : null;
        } catch (JsonProcessingException e) {
            problems.add(where + ": the body is not JSON although the content type is " + mediaType);
            return;
        }
        if (value == null) {
            problems.add(where + ": the response documents a " + mediaType + " body, but none was sent");
            return;
        }
        String schemaPointer = responsePointer + OpenApiDocument.pointer("content", key, "schema");
        for (ValidationMessage message : document.schemaAt(schemaPointer).validate(value)) {
            problems.add(where + ": " + message.getMessage());
        }
    }

    /** The content key that covers a media type: exact, then {@code type/*}, then {@code *}{@code /*}. */
    private static String mediaTypeKey(JsonNode content, String mediaType) {
        String range = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : mediaType;
        for (String key : List.of(mediaType, range, "*/*")) {
            if (content.has(key)) {
                return key;
            }
        }
        return null;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        var lower = new java.util.LinkedHashMap<String, String>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String key = event.getRouteKey();
        return key != null && key.contains(" ") ? key.substring(0, key.indexOf(' ')) : "GET";
    }

    private static String abbreviated(String body) {
        return body == null ? "(none)" : body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }
}
