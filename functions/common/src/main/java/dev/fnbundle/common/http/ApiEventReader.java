package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HTTP API payload format 2.0 event from its JSON bytes in one streaming pass into the same
 * {@link APIGatewayV2HTTPEvent} the Lambda runtime client's serializer would build, field for field: a handler
 * invoked as a stream handler ({@link HttpApiHandler}) sees what it saw as a POJO handler, without the runtime
 * client's reflective bean mapping of the event first.
 *
 * <p>As that serializer does: unknown fields are skipped, a scalar where a string is expected becomes its text
 * (a numeric claim such as {@code exp}), {@code null} leaves a field null, and the body stays the string API
 * Gateway sent (base64 or not; {@link ApiRequest#body} decodes it). The rare authorizer shapes of other
 * authorizer types ({@code lambda}, {@code iam}) are mapped by Jackson's bean mapping.
 */
public final class ApiEventReader {
    /** Lambda's invocation payload is at most 6 MB, and so is any string in it; some room above that. */
    static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .build())
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ApiEventReader() {
    }

    /**
     * The event in {@code json}.
     *
     * @throws IOException when it is not a JSON object (Lambda's runtime client fails the invocation then, too)
     */
    public static APIGatewayV2HTTPEvent read(InputStream json) throws IOException {
        return read(json.readAllBytes());
    }

    /** The event in {@code json}; see {@link #read(InputStream)}. */
    public static APIGatewayV2HTTPEvent read(byte[] json) throws IOException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            return read(parser, json);
        }
    }

    private static APIGatewayV2HTTPEvent read(JsonParser first, byte[] json) throws IOException {
        JsonParser parser = first;
        expectObject(parser, parser.nextToken(), "event");
        var event = new Utf8BodyEvent();
        try {
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "version" -> event.setVersion(text(parser, value));
                    case "routeKey" -> event.setRouteKey(text(parser, value));
                    case "rawPath" -> event.setRawPath(text(parser, value));
                    case "rawQueryString" -> event.setRawQueryString(text(parser, value));
                    case "cookies" -> event.setCookies(texts(parser, value));
                    case "headers" -> event.setHeaders(textMap(parser, value));
                    case "queryStringParameters" -> event.setQueryStringParameters(textMap(parser, value));
                    case "pathParameters" -> event.setPathParameters(textMap(parser, value));
                    case "stageVariables" -> event.setStageVariables(textMap(parser, value));
                    case "body" -> {
                        int end = body(parser, value, json, event);
                        if (end >= 0) {
                            json = AfterBody.rest(json, end);
                            JsonParser next = AfterBody.parser(MAPPER, json);
                            if (parser != first) {
                                parser.close();
                            }
                            parser = next;
                        }
                    }
                    case "isBase64Encoded" -> event.setIsBase64Encoded(bool(parser, value));
                    case "requestContext" -> event.setRequestContext(requestContext(parser, value));
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("the event has content after its JSON object");
            }
        } finally {
            if (parser != first) {
                parser.close();
            }
        }
        return event;
    }

    private static RequestContext requestContext(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(parser, token, "requestContext");
        var context = new RequestContext();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "routeKey" -> context.setRouteKey(text(parser, value));
                case "accountId" -> context.setAccountId(text(parser, value));
                case "stage" -> context.setStage(text(parser, value));
                case "apiId" -> context.setApiId(text(parser, value));
                case "domainName" -> context.setDomainName(text(parser, value));
                case "domainPrefix" -> context.setDomainPrefix(text(parser, value));
                case "time" -> context.setTime(text(parser, value));
                case "timeEpoch" -> context.setTimeEpoch(value == JsonToken.VALUE_NULL ? 0 : parser.getValueAsLong());
                case "requestId" -> context.setRequestId(text(parser, value));
                case "http" -> context.setHttp(http(parser, value));
                case "authorizer" -> context.setAuthorizer(authorizer(parser, value));
                default -> parser.skipChildren();
            }
        }
        return context;
    }

    private static RequestContext.Http http(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(parser, token, "requestContext.http");
        var http = new RequestContext.Http();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "method" -> http.setMethod(text(parser, value));
                case "path" -> http.setPath(text(parser, value));
                case "protocol" -> http.setProtocol(text(parser, value));
                case "sourceIp" -> http.setSourceIp(text(parser, value));
                case "userAgent" -> http.setUserAgent(text(parser, value));
                default -> parser.skipChildren();
            }
        }
        return http;
    }

    private static RequestContext.Authorizer authorizer(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(parser, token, "requestContext.authorizer");
        var authorizer = new RequestContext.Authorizer();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "jwt" -> authorizer.setJwt(jwt(parser, value));
                case "lambda" -> authorizer.setLambda(value == JsonToken.VALUE_NULL ? null
                        : MAPPER.readValue(parser, MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class,
                        String.class, Object.class)));
                case "iam" -> authorizer.setIam(value == JsonToken.VALUE_NULL ? null
                        : MAPPER.readValue(parser, RequestContext.IAM.class));
                default -> parser.skipChildren();
            }
        }
        return authorizer;
    }

    private static RequestContext.Authorizer.JWT jwt(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(parser, token, "requestContext.authorizer.jwt");
        var jwt = new RequestContext.Authorizer.JWT();
        String field;
        while ((field = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "claims" -> jwt.setClaims(textMap(parser, value));
                case "scopes" -> jwt.setScopes(texts(parser, value));
                default -> parser.skipChildren();
            }
        }
        return jwt;
    }

    /**
     * The body: decoded from the event's bytes by {@link BodyDecoder} where it gives Jackson's answer (kept as its
     * UTF-8 bytes, the String made on demand), else by Jackson. Jackson has not decoded the string yet (it does so
     * lazily); when BodyDecoder did, the index just after its closing quote is returned, for the caller to go on
     * after it ({@link AfterBody}) instead of Jackson scanning the megabytes of the string a second time to skip
     * it. Else -1, and the parser goes on as usual.
     */
    private static int body(JsonParser parser, JsonToken token, byte[] json, Utf8BodyEvent event)
            throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            int contents = stringContents(json, parser.currentTokenLocation().getByteOffset());
            BodyDecoder.Utf8Text decoded = contents < 0 ? null : BodyDecoder.decodeUtf8(json, contents);
            if (decoded != null) {
                event.setUtf8Body(decoded);
                return decoded.end();
            }
        }
        event.setBody(text(parser, token));
        return -1;
    }

    /** Where the contents of the string token whose opening quote Jackson puts at {@code offset} start; or -1. */
    private static int stringContents(byte[] json, long offset) {
        return offset >= 0 && offset < json.length && json[(int) offset] == '"' ? (int) offset + 1 : -1;
    }

    /** A string field: its text, a scalar's text, or null; an object or array is no string. */
    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getValueAsString();
        }
        throw new IOException("expected a string at " + parser.currentName() + ", found " + token);
    }

    private static boolean bool(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_STRING -> Boolean.parseBoolean(parser.getText().strip());
            default -> throw new IOException("expected a boolean at " + parser.currentName() + ", found " + token);
        };
    }

    private static List<String> texts(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IOException("expected an array at " + parser.currentName() + ", found " + token);
        }
        var list = new ArrayList<String>();
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            list.add(text(parser, item));
        }
        return list;
    }

    /** A map of strings, in document order (the runtime client's serializer builds a LinkedHashMap too). */
    private static Map<String, String> textMap(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(parser, token, parser.currentName());
        var map = new LinkedHashMap<String, String>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            map.put(name, text(parser, parser.nextToken()));
        }
        return map;
    }

    private static void expectObject(JsonParser parser, JsonToken token, String what) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object as " + what + ", found " + token);
        }
    }
}
