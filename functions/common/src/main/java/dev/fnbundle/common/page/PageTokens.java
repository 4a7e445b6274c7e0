package dev.fnbundle.common.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.common.crypto.Hmac;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, signed {@code nextToken}s for paginated lists: a DynamoDB {@code LastEvaluatedKey}, bound to the list it
 * came from and signed so that a client can neither forge one nor edit one.
 *
 * <p>A token is {@code <key id>.<payload>.<tag>}, each part URL-safe base64 without padding: the payload is JSON
 * holding the scope (e.g. {@code "feed-items#" + feedId}) and the key; the tag is HMAC-SHA256 over the key id and
 * the payload under the deployment's page-token key ({@link PageKeyStore}). {@link #decode} checks the tag in
 * constant time before it reads anything else, so a forged or edited token is refused without its content being
 * parsed; a token of another list fails the scope check. Tokens signed by a previous key still verify after a
 * rotation. Every refusal is the same 400 naming {@value #FIELD}, never a 500 and never a hint of which check failed.
 *
 * <p>The key ring is loaded lazily on first use (never during init, so a SnapStart snapshot holds no key) and cached
 * for {@link #CACHE_FOR}; a token naming a key the cache does not know (another instance rotated) reloads it, at
 * most once a second. Thread-safe.
 */
public final class PageTokens {
    /** The query or form parameter every list endpoint uses. */
    public static final String FIELD = "nextToken";
    /** How long a loaded key ring is used before it is read again (and rotated, when due). */
    public static final Duration CACHE_FOR = Duration.ofMinutes(10);
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final long RELOAD_AT_MOST_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int VERSION = 2;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final PageKeyStore keys;
    private final LongSupplier nanoTime;
    private volatile Loaded loaded;

    public PageTokens(PageKeyStore keys) {
        this(keys, System::nanoTime);
    }

    PageTokens(PageKeyStore keys, LongSupplier nanoTime) {
        this.keys = Objects.requireNonNull(keys);
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /**
     * Tokens signed with keys kept in {@code table} itself (string key attributes {@code pk} and {@code sk}); see
     * {@link DynamoPageKeyStore}. Nothing is read until the first token is made or checked.
     */
    public static PageTokens inTable(DynamoDbClient dynamo, String table, Clock clock) {
        return new PageTokens(new DynamoPageKeyStore(dynamo, table, clock));
    }

    /** A token for the next page, or null when {@code lastEvaluatedKey} is null or empty (no next page). */
    public String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
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
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("v", VERSION);
        payload.put("s", scope);
        payload.set("k", key);
        PageKey signing = ring(false).current();
        String signed = signing.id() + "." + ENCODER.encodeToString(Json.write(payload)
                .getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(tag(signing, signed));
    }

    /**
     * The {@code ExclusiveStartKey} for a token, or null when the token is null or empty (first page).
     *
     * @throws InvalidFieldsException naming {@value #FIELD} (a 400) when the token is malformed, was not signed by
     *                                this deployment, was edited, or belongs to another list
     */
    public Map<String, AttributeValue> decode(String scope, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw invalid();
        }
        String keyId = token.substring(0, first);
        String signed = token.substring(0, second);
        PageKey key = verificationKey(keyId).orElseThrow(PageTokens::invalid);
        try {
            if (!Hmac.equal(tag(key, signed), DECODER.decode(token.substring(second + 1)))) {
                throw invalid();
            }
            JsonNode payload = Json.parse(new String(DECODER.decode(token.substring(first + 1, second)),
                    StandardCharsets.UTF_8));
            return startKey(scope, payload);
        } catch (IllegalArgumentException | MalformedJsonException e) {
            throw invalid();
        }
    }

    /**
     * The 400 every unusable token gets, for a list that finds a verified cursor outside what it may ask (e.g. a
     * day before its window).
     */
    public static InvalidFieldsException invalid() {
        return new InvalidFieldsException(FIELD, "is not a token this list issued; start again without it");
    }

    private static Map<String, AttributeValue> startKey(String scope, JsonNode payload) {
        if (payload.path("v").asInt() != VERSION || !scope.equals(payload.path("s").asText(null))
                || !payload.path("k").isObject() || payload.path("k").isEmpty()) {
            throw invalid();
        }
        var key = new LinkedHashMap<String, AttributeValue>();
        for (var field : payload.path("k").properties()) {
            key.put(field.getKey(), attribute(field.getValue()));
        }
        return key;
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

    private static byte[] tag(PageKey key, String signed) {
        return Hmac.sha256(key.secret(), signed.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<PageKey> verificationKey(String keyId) {
        if (!PageKey.isWellFormedId(keyId)) {
            return Optional.empty();
        }
        Optional<PageKey> known = ring(false).find(keyId);
        return known.isPresent() ? known : ring(true).find(keyId);
    }

    /**
     * The cached ring, reloaded when older than {@link #CACHE_FOR}; for {@code unknownKey} also when older than a
     * second (another instance may have rotated; garbage key ids cannot make this read the table more often).
     */
    private PageKeyRing ring(boolean unknownKey) {
        Loaded current = loaded;
        if (current != null && fresh(current, unknownKey)) {
            return current.ring();
        }
        synchronized (this) {
            current = loaded;
            // Another thread may have reloaded while this one waited for the lock.
            if (current == null || !fresh(current, unknownKey)) {
                current = new Loaded(Objects.requireNonNull(keys.load(), "key ring"), nanoTime.getAsLong());
                loaded = current;
            }
            return current.ring();
        }
    }

    private boolean fresh(Loaded current, boolean unknownKey) {
        long age = nanoTime.getAsLong() - current.atNanos();
        return age < CACHE_FOR.toNanos() && (!unknownKey || age < RELOAD_AT_MOST_EVERY_NANOS);
    }

    private record Loaded(PageKeyRing ring, long atNanos) {
    }
}
