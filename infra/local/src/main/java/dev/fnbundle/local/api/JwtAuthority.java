package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for an identity provider: it signs development tokens (RS256, with a key made at start) and
 * verifies bearer tokens the way API Gateway's JWT authorizer does — signature, {@code exp}/{@code nbf},
 * issuer equal to the authorizer's, and an {@code aud} (or {@code client_id}) among its audiences.
 *
 * <p>When the {@code LOCAL_DEV_TOKEN} environment variable is set, that exact bearer value is also accepted, with
 * fixed development claims, so scripts can call the API without reading files.
 */
public final class JwtAuthority {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final KeyPair keys;
    private final Clock clock;
    private final String fixedToken;

    public JwtAuthority(Clock clock, String fixedToken) {
        this.clock = clock;
        this.fixedToken = fixedToken == null || fixedToken.isBlank() ? null : fixedToken.trim();
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** A signed token for {@code issuer} and {@code audience}, valid for {@code validity}. */
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
        claims.put("scope", "fnbundle/local");
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + B64.encodeToString(sign(header + "." + payload));
    }

    /**
     * The claims of a valid token for this issuer and these audiences, as API Gateway passes them to the function
     * (every value a string), or empty when the token must be refused with 401.
     */
    public Optional<Map<String, String>> verify(String bearer, String issuer, List<String> audiences) {
        if (bearer == null) {
            return Optional.empty();
        }
        if (fixedToken != null && MessageDigest.isEqual(fixedToken.getBytes(StandardCharsets.UTF_8),
                bearer.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(developmentClaims(issuer, audiences));
        }
        String[] parts = bearer.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = MAPPER.readTree(B64D.decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText()) || !verifySignature(parts)) {
                return Optional.empty();
            }
            JsonNode claims = MAPPER.readTree(B64D.decode(parts[1]));
            return valid(claims, issuer, audiences) ? Optional.of(flatten(claims)) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
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

    private static Map<String, String> flatten(JsonNode claims) {
        var flat = new LinkedHashMap<String, String>();
        claims.properties().forEach(e -> flat.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                : e.getValue().isArray() ? arrayText(e.getValue()) : e.getValue().toString()));
        return flat;
    }

    /** API Gateway renders array claims as "[a b]". */
    private static String arrayText(JsonNode array) {
        var items = new java.util.ArrayList<String>();
        array.forEach(item -> items.add(item.asText()));
        return "[" + String.join(" ", items) + "]";
    }

    private static Map<String, String> developmentClaims(String issuer, List<String> audiences) {
        var claims = new LinkedHashMap<String, String>();
        claims.put("iss", issuer);
        claims.put("sub", "local-dev");
        claims.put("aud", audiences.isEmpty() ? "" : audiences.get(0));
        claims.put("scope", "fnbundle/local");
        return claims;
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

    private boolean verifySignature(String[] parts) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(B64D.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
