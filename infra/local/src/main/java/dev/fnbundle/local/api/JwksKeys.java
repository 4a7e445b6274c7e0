package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys an identity provider publishes as a JSON Web Key Set ({@code jwks_uri}), fetched once at start
 * and cached by key id: a token signed with a key id the cache does not know makes it fetch the set again (the
 * provider rotated its keys), at most once per {@code minRefresh} however many unknown ids arrive (a client
 * cannot make the runtime hammer the provider), and the whole set is fetched again after two hours, as API
 * Gateway caches it. RSA keys (RS256/384/512) and P-256 EC keys (ES256) are read; others skipped.
 */
final class JwksKeys {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    /** A published key: its JOSE algorithm family ("RSA" or "EC"), its declared alg (or null) and the key. */
    record Jwk(String keyType, String alg, PublicKey key) {
    }

    private final URI url;
    private final Clock clock;
    private final Duration minRefresh;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private Map<String, Jwk> keys = Map.of();
    private Instant fetched = Instant.EPOCH;
    private Instant lastMiss = Instant.EPOCH;

    JwksKeys(URI url, Clock clock, Duration minRefresh) {
        this.url = url;
        this.clock = clock;
        this.minRefresh = minRefresh;
    }

    /**
     * Fetches the set now, at start.
     *
     * @throws UserFacingException when it cannot be fetched or holds no usable key
     */
    void load() {
        try {
            refresh();
        } catch (IOException e) {
            throw new UserFacingException("--jwks-url " + url + ": " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw new UserFacingException("--jwks-url " + url + " holds no RSA or P-256 signing key with a kid");
        }
    }

    /** The key with this id, fetching the set again when it is unknown or old. */
    synchronized Optional<Jwk> key(String kid) {
        Instant now = clock.instant();
        boolean stale = Duration.between(fetched, now).compareTo(MAX_AGE) > 0;
        boolean unknown = !keys.containsKey(kid) && Duration.between(lastMiss, now).compareTo(minRefresh) >= 0;
        if (unknown) {
            lastMiss = now;
        }
        if (stale || unknown) {
            try {
                refresh();
            } catch (IOException e) {
                // keep serving the keys already known; the provider may be back next time
                fetched = now;
            }
        }
        return Optional.ofNullable(keys.get(kid));
    }

    private synchronized void refresh() throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the key set", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the key set answered HTTP " + response.statusCode());
        }
        if (body.length > MAX_BYTES) {
            throw new IOException("the key set is larger than 1 MB");
        }
        keys = parse(new ObjectMapper().readTree(body));
        fetched = clock.instant();
    }

    static Map<String, Jwk> parse(JsonNode set) throws IOException {
        if (set == null || !set.path("keys").isArray()) {
            throw new IOException("not a JSON Web Key Set (no \"keys\" array)");
        }
        var parsed = new HashMap<String, Jwk>();
        for (JsonNode jwk : set.path("keys")) {
            String kid = jwk.path("kid").asText(null);
            if (kid == null || "enc".equals(jwk.path("use").asText(null))) {
                continue;
            }
            try {
                switch (jwk.path("kty").asText()) {
                    case "RSA" -> parsed.put(kid, new Jwk("RSA", jwk.path("alg").asText(null),
                            KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                                    number(jwk, "n"), number(jwk, "e")))));
                    case "EC" -> {
                        if ("P-256".equals(jwk.path("crv").asText())) {
                            parsed.put(kid, new Jwk("EC", jwk.path("alg").asText(null), ecKey(jwk)));
                        }
                    }
                    default -> {
                        // other key types (oct, OKP) cannot verify the algorithms API Gateway accepts
                    }
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // a malformed key is skipped; the others still verify
            }
        }
        return Map.copyOf(parsed);
    }

    private static PublicKey ecKey(JsonNode jwk) throws GeneralSecurityException {
        var parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        var point = new ECPoint(number(jwk, "x"), number(jwk, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point,
                parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private static BigInteger number(JsonNode jwk, String field) {
        String value = jwk.path(field).asText(null);
        if (value == null || value.length() > 2048) {
            throw new IllegalArgumentException("missing or oversized " + field);
        }
        return new BigInteger(1, B64.decode(value));
    }
}
