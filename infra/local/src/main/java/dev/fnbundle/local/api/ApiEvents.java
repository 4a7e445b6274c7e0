package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
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
    private static final byte[] BODY = ",\"body\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IS_BASE64 = ",\"isBase64Encoded\":false".getBytes(StandardCharsets.US_ASCII);

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
        return write(event, request.body(), headers.path("content-type").asText(""));
    }

    /**
     * The event's JSON: its fields, then the body. A text body is escaped straight from the request's bytes into
     * the event's array, sized exactly ({@link EscapedTextBody}), never made into a String: for a body of megabytes
     * escaping is nearly all of the event's cost.
     */
    private static byte[] write(ObjectNode event, byte[] body, String contentType) {
        boolean empty = body == null || body.length == 0;
        EscapedTextBody text = empty || !isText(contentType) ? null : EscapedTextBody.of(body);
        if (!empty && text == null) {
            event.put("body", Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", !empty && text == null);
        byte[] fields = fields(event);
        if (text == null) {
            return fields;
        }
        // {...,"isBase64Encoded":false} becomes {...,"body":"<escaped>","isBase64Encoded":false}
        int split = fields.length - IS_BASE64.length - 1;
        byte[] out = new byte[Math.toIntExact(fields.length + BODY.length + text.length() + 1)];
        System.arraycopy(fields, 0, out, 0, split);
        System.arraycopy(BODY, 0, out, split, BODY.length);
        int at = text.writeTo(out, split + BODY.length);
        out[at++] = '"';
        System.arraycopy(fields, split, out, at, fields.length - split);
        return out;
    }

    private static byte[] fields(ObjectNode event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded");
    }

    static Map<String, String> query(String rawQuery) {
        var parameters = new LinkedHashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        // Joined once at the end: merging pairwise would copy a repeated parameter's value once per repetition.
        var joined = new LinkedHashMap<String, StringJoiner>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            joined.computeIfAbsent(name, n -> new StringJoiner(",")).add(value);
        }
        joined.forEach((name, values) -> parameters.put(name, values.toString()));
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
