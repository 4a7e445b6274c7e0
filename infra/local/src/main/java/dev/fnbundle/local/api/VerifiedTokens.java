package dev.fnbundle.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens whose signature {@link JwtAuthority} has checked, by their exact text, so a client that sends the same
 * token on every request pays the RSA or ECDSA check once (about a quarter of a millisecond each time before).
 * Only what the signature proves is kept: the claims and the key that verified them. Everything that depends on
 * the moment or the route ({@code exp}, {@code nbf}, issuer, audience, scopes) is still checked on every request,
 * and a hit counts only while the key it was verified with is still the one published under its key id (a key
 * withdrawn or rotated by the identity provider ends its tokens' entries as soon as the authority learns of it).
 * Failures are never kept: a token that fails costs its full check every time, so nothing a client sends can
 * fill the cache but tokens signed by a trusted key. Bounded: the least recently used entry goes first.
 * Thread-safe.
 */
final class VerifiedTokens {
    /**
     * What a token's signature proved: its claims (a JSON object, never modified) as parsed and as handed to the
     * function, signed under {@code kid} by the identity provider's {@code signer} (null for the runtime's own
     * development key, which never changes while the runtime runs).
     */
    record Signed(String kid, JwksKeys.Jwk signer, JsonNode claims, JwtAuthority.Verified verified) {
    }

    private final int capacity;
    private final Map<String, Signed> entries;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signed> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    /** The entry of {@code token}, or null. */
    synchronized Signed get(String token) {
        return entries.get(token);
    }

    synchronized void put(String token, Signed entry) {
        entries.put(token, entry);
    }

    /** Forgets {@code token} (expired, or its key is no longer published). */
    synchronized void remove(String token) {
        entries.remove(token);
    }

    synchronized int size() {
        return entries.size();
    }
}
