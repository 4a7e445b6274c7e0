package dev.fnbundle.common.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque {@code nextToken}s for paginated lists: a DynamoDB {@code LastEvaluatedKey}, bound to the query it
 * came from.
 *
 * <p>The scope (e.g. {@code "feed-items#" + feedId}) is stored in the token and checked when it comes back, so a
 * token from one list cannot be replayed against another to start reading somewhere it does not belong. Only key
 * attribute types (S, N, B) are encoded; the token is URL-safe base64 without padding.
 */
public final class PageToken {
    /** The query or form parameter every list endpoint uses. */
    public static final String FIELD = "nextToken";
    private static final int MAX_TOKEN_LENGTH = 4096;

    private PageToken() {
    }

    /** A token for the next page, or null when {@code lastEvaluatedKey} is null or empty (no next page). */
    public static String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        ObjectNode key = Json.mapper().createObjectNode();
        lastEvaluatedKey.forEach((name, value) -> {
            ObjectNode typed = key.putObject(name);
            if (value.s() != null) {
                typed.put("S", value.s());
            } else if (value.n() != null) {
                typed.put("N", value.n());
            } else if (value.b() != null) {
                typed.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            } else {
                throw new IllegalArgumentException("key attribute " + name + " is not S, N or B");
            }
        });
        ObjectNode token = Json.mapper().createObjectNode();
        token.put("v", 1);
        token.put("s", scope);
        token.set("k", key);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code ExclusiveStartKey} for a token, or null when the token is null (first page).
     *
     * @throws ProblemException 400 naming {@code nextToken} when the token is malformed or from another list
     */
    public static Map<String, AttributeValue> decode(String scope, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (node.path("v").asInt() != 1 || !scope.equals(node.path("s").asText(null))
                    || !node.path("k").isObject() || node.path("k").isEmpty()) {
                throw invalid();
            }
            var key = new LinkedHashMap<String, AttributeValue>();
            for (var field : node.path("k").properties()) {
                key.put(field.getKey(), attribute(field.getValue()));
            }
            return key;
        } catch (IllegalArgumentException | MalformedJsonException e) {
            throw invalid();
        }
    }

    private static AttributeValue attribute(JsonNode typed) {
        if (typed.path("S").isTextual()) {
            return AttributeValue.fromS(typed.get("S").textValue());
        }
        if (typed.path("N").isTextual()) {
            return AttributeValue.fromN(typed.get("N").textValue());
        }
        if (typed.path("B").isTextual()) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(typed.get("B").textValue())));
        }
        throw invalid();
    }

    private static ProblemException invalid() {
        return ProblemException.invalid(FIELD, "is not a token this list issued; start again without it");
    }
}
