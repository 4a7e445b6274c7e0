package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the HTTP API payload format 2.0 event for a request, field for field as API Gateway does: lower-case
 * headers with repeated values joined by commas, cookies split out, query parameters decoded (repeats joined by
 * commas), path parameters, the JWT claims under {@code requestContext.authorizer.jwt}, and a body that is
 * base64-encoded unless it is text.
 */
final class ApiEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiEvents() {
    }

    /** The request as the gateway received it. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                   String sourceIp) {
    }

    /**
     * @param claims the verified token's claims (null on an open route)
     * @param scopes the token's scopes (null on an open route)
     */
    static byte[] build(Request request, RouteTable.Match match, Map<String, String> claims,
                        java.util.Collection<String> scopes, String accountId) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ObjectNode headers = event.putObject("headers");
        var cookies = event.putArray("cookies");
        request.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";")).forEach(c -> cookies.add(c.trim())));
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        if (cookies.isEmpty()) {
            event.remove("cookies");
        }
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        if (!match.pathParameters().isEmpty()) {
            match.pathParameters().forEach(event.putObject("pathParameters")::put);
        }
        event.set("requestContext", requestContext(request, match, claims, scopes, accountId));
        body(event, request.body(), headers.path("content-type").asText(""));
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode requestContext(Request request, RouteTable.Match match, Map<String, String> claims,
                                             java.util.Collection<String> scopes, String accountId) {
        Instant now = Instant.now();
        ObjectNode context = MAPPER.createObjectNode();
        context.put("accountId", accountId);
        context.put("apiId", "local");
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            claims.forEach(jwt.putObject("claims")::put);
            var scopeArray = jwt.putArray("scopes");
            if (scopes != null) {
                scopes.forEach(scopeArray::add);
            }
        }
        context.put("domainName", "localhost");
        context.put("domainPrefix", "localhost");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        List<String> agent = request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("user-agent")).map(Map.Entry::getValue)
                .findFirst().orElse(List.of(""));
        http.put("userAgent", String.join(",", agent));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        return context;
    }

    private static void body(ObjectNode event, byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            event.put("isBase64Encoded", false);
            return;
        }
        String text = isText(contentType) ? utf8(body) : null;
        if (text != null) {
            event.put("body", text);
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static Map<String, String> query(String rawQuery) {
        var parameters = new LinkedHashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
