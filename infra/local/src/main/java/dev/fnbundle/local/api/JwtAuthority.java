package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies bearer tokens the way API Gateway's JWT authorizer does — a signature by a known key (looked up by the
 * header's {@code kid}), {@code exp}/{@code nbf}, an issuer equal to the authorizer's, an {@code aud} (or, without
 * one, a {@code client_id}) among its audiences — and gives the token's scopes ({@code scope}, space-separated,
 * or {@code scp}, an array or a string) for the route check. Two kinds of keys sign accepted tokens:
 * <ul>
 *   <li>the runtime's own development key (RS256, made at start), which signs the dev token: the local stand-in
 *       for an identity provider;</li>
 *   <li>with {@code --jwks-url}, a real identity provider's published keys ({@link JwksKeys}), so its tokens
 *       work locally as they do in AWS.</li>
 * </ul>
 *
 * <p>When the {@code LOCAL_DEV_TOKEN} environment variable is set, that exact bearer value is also accepted, with
 * the dev token's claims, so scripts can call the API without reading files.
 */
public final class JwtAuthority {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    /** Tokens whose signature is remembered: a few clients' tokens, at most 4 MB however long they are. */
    static final int MAX_CACHED_TOKENS = 256;
    private static final Map<String, String> RSA_SIGNATURES = Map.of("RS256", "SHA256withRSA",
            "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    /** A token that passed: its claims as API Gateway passes them to the function, and its scopes. */
    public record Verified(Map<String, String> claims, Set<String> scopes) {
    }

    private final KeyPair keys;
    private final String keyId;
    private final Clock clock;
    private final String fixedToken;
    private final JwksKeys provider;
    private final Set<String> devScopes;
    private final VerifiedTokens verified = new VerifiedTokens(MAX_CACHED_TOKENS);

    /**
     * @param jwksUrl   an identity provider's key set whose tokens are accepted too, or null
     * @param devScopes the scopes dev tokens carry (every scope the template's routes ask for)
     * @throws dev.fnbundle.local.UserFacingException when the key set cannot be fetched
     */
    public JwtAuthority(Clock clock, String fixedToken, URI jwksUrl, Set<String> devScopes) {
        this(clock, fixedToken, jwksUrl, devScopes, Duration.ofSeconds(5));
    }

    /** @param minJwksRefresh how often, at most, an unknown key id makes the key set be fetched again */
    JwtAuthority(Clock clock, String fixedToken, URI jwksUrl, Set<String> devScopes, Duration minJwksRefresh) {
        this.clock = clock;
        this.fixedToken = fixedToken == null || fixedToken.isBlank() ? null : fixedToken.trim();
        this.devScopes = Set.copyOf(devScopes);
        this.keys = DevSigningKeys.take();
        byte[] random = new byte[6];
        new java.security.SecureRandom().nextBytes(random);
        this.keyId = "fnbundle-local-" + HexFormat.of().formatHex(random);
        if (jwksUrl == null) {
            this.provider = null;
        } else {
            this.provider = new JwksKeys(jwksUrl, clock, minJwksRefresh);
            this.provider.load();
        }
    }

    /** Without an identity provider and with only the default scope. */
    public JwtAuthority(Clock clock, String fixedToken) {
        this(clock, fixedToken, null, Set.of());
    }

    /** A dev token for {@code issuer} and {@code audience}, valid for {@code validity}, with every dev scope. */
    public String mint(String issuer, String audience, String subject, Duration validity) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = MAPPER.createObjectNode();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + validity.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("scope", devScope());
        String header = B64.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + B64.encodeToString(sign(header + "." + payload));
    }

    private String devScope() {
        var scopes = new LinkedHashSet<String>();
        scopes.add("fnbundle/local");
        scopes.addAll(devScopes.stream().sorted().toList());
        return String.join(" ", scopes);
    }

    /** The token's claims and scopes when it is valid for this issuer and these audiences; empty means 401. */
    public Optional<Verified> verify(String bearer, String issuer, List<String> audiences) {
        if (bearer == null || bearer.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        if (fixedToken != null && MessageDigest.isEqual(fixedToken.getBytes(StandardCharsets.UTF_8),
                bearer.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(developmentToken(issuer, audiences));
        }
        VerifiedTokens.Signed entry = cached(bearer);
        boolean fresh = entry == null;
        if (fresh) {
            entry = checkSignature(bearer);
            if (entry == null) {
                return Optional.empty();
            }
        }
        // What depends on the moment and the route is checked on every request, cached or not.
        if (!valid(entry.claims(), issuer, audiences)) {
            if (!fresh && expired(entry.claims())) {
                verified.remove(bearer);
            }
            return Optional.empty();
        }
        if (fresh) {
            verified.put(bearer, entry);
        }
        return Optional.of(entry.verified());
    }

    /** The cache entry of a token whose key is still the one published under its kid, else null. */
    private VerifiedTokens.Signed cached(String bearer) {
        VerifiedTokens.Signed entry = verified.get(bearer);
        if (entry == null) {
            return null;
        }
        boolean current = entry.kid().equals(keyId) ? entry.signer() == null
                : provider != null && entry.signer() != null
                        && provider.key(entry.kid()).filter(entry.signer()::equals).isPresent();
        if (!current) {
            verified.remove(bearer);
            return null;
        }
        return entry;
    }

    /** The token's claims once its signature is checked; null when it is refused (never cached). */
    private VerifiedTokens.Signed checkSignature(String bearer) {
        String[] parts = bearer.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = MAPPER.readTree(B64D.decode(parts[0]));
            if (header == null) {
                return null;
            }
            String kid = header.path("kid").asText(null);
            var signer = new JwksKeys.Jwk[1];
            if (!verifySignature(header, parts, signer)) {
                return null;
            }
            JsonNode claims = MAPPER.readTree(B64D.decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                return null;
            }
            return new VerifiedTokens.Signed(kid, signer[0], claims, new Verified(
                    Collections.unmodifiableMap(flatten(claims)), Collections.unmodifiableSet(scopes(claims))));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Checks the signature; {@code signer[0]} is then the provider's key that made it (null for the dev key). */
    private boolean verifySignature(JsonNode header, String[] parts, JwksKeys.Jwk[] signer) {
        String alg = header.path("alg").asText("");
        String kid = header.path("kid").asText(null);
        if (kid == null) {
            return false;
        }
        PublicKey key;
        String algorithm;
        if (kid.equals(keyId)) {
            key = keys.getPublic();
            algorithm = alg.equals("RS256") ? "SHA256withRSA" : null;
        } else if (provider != null) {
            var jwk = provider.key(kid).orElse(null);
            if (jwk == null || jwk.alg() != null && !jwk.alg().equals(alg)) {
                return false;
            }
            key = jwk.key();
            signer[0] = jwk;
            algorithm = jwk.keyType().equals("RSA") ? RSA_SIGNATURES.get(alg)
                    : alg.equals("ES256") ? "SHA256withECDSAinP1363Format" : null;
        } else {
            return false;
        }
        if (algorithm == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(B64D.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** How many tokens' signatures are remembered now. */
    int cachedTokens() {
        return verified.size();
    }

    private boolean expired(JsonNode claims) {
        return claims.path("exp").asLong() + LEEWAY.toSeconds() < clock.instant().getEpochSecond();
    }

    private boolean valid(JsonNode claims, String issuer, List<String> audiences) {
        long now = clock.instant().getEpochSecond();
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() + LEEWAY.toSeconds() < now) {
            return false;
        }
        if (claims.has("nbf") && claims.path("nbf").asLong() - LEEWAY.toSeconds() > now) {
            return false;
        }
        if (!issuer.equals(claims.path("iss").asText(null))) {
            return false;
        }
        // API Gateway reads client_id only when there is no aud.
        JsonNode aud = claims.has("aud") ? claims.get("aud") : claims.path("client_id");
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (audiences.contains(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audiences.contains(aud.asText());
    }

    /** {@code scope} (space-separated) and {@code scp} (an array, or a space-separated string). */
    private static Set<String> scopes(JsonNode claims) {
        var scopes = new LinkedHashSet<String>();
        for (String name : List.of("scope", "scp")) {
            JsonNode value = claims.get(name);
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                value.forEach(item -> scopes.add(item.asText()));
            } else if (value.isTextual()) {
                for (String scope : value.asText().split(" ")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            }
        }
        return scopes;
    }

    private static Map<String, String> flatten(JsonNode claims) {
        var flat = new LinkedHashMap<String, String>();
        claims.properties().forEach(e -> flat.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().isArray() ? arrayText(e.getValue()) : e.getValue().toString()));
        return flat;
    }

    /** API Gateway renders array claims as "[a b]". */
    private static String arrayText(JsonNode array) {
        var items = new ArrayList<String>();
        array.forEach(item -> items.add(item.asText()));
        return "[" + String.join(" ", items) + "]";
    }

    private Verified developmentToken(String issuer, List<String> audiences) {
        var claims = new LinkedHashMap<String, String>();
        claims.put("iss", issuer);
        claims.put("sub", "local-dev");
        claims.put("aud", audiences.isEmpty() ? "" : audiences.get(0));
        claims.put("scope", devScope());
        return new Verified(claims, new LinkedHashSet<>(List.of(devScope().split(" "))));
    }

    private byte[] sign(String content) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
