package dev.fnbundle.common.testing;

import dev.fnbundle.common.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Hand-made {@code nextToken}s, the way an attacker would write them, for the bad-token tests of every list
 * endpoint: each is well-formed enough to get past a naive parser, and each must be a 400 naming
 * {@code nextToken}.
 */
public final class PageTokenForgery {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private PageTokenForgery() {
    }

    /** A token in the signed format whose payload is valid JSON for {@code scope} but whose tag is made up. */
    public static String wrongMac(String scope, String keyJson) {
        String signed = "forgedKey." + payload(scope, keyJson);
        return signed + "." + URL.encodeToString(Hmac.sha256(new byte[32], signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** The unsigned format tokens had before they were signed: base64 of the JSON alone. */
    public static String unsigned(String scope, String keyJson) {
        return payload(scope, keyJson);
    }

    /** Take a real token, keep its key id and tag, and swap the payload for one of the attacker's choosing. */
    public static String swapPayload(String realToken, String scope, String keyJson) {
        String[] parts = realToken.split("\\.", -1);
        return parts[0] + "." + payload(scope, keyJson) + "." + parts[2];
    }

    /** Tokens no list ever issued: not base64, empty parts, too many parts, base64 of garbage, far too long. */
    public static String[] garbage() {
        return new String[] {"!!!", "e30", "a.b", "a..c", ".b.c", "a.b.", "a.b.c.d", "bm90IGpzb24.bm90.IGpzb24",
            "x".repeat(5000), "k%.e30.e30", "kid.%%%%.AAAA"};
    }

    private static String payload(String scope, String keyJson) {
        String json = "{\"v\":2,\"s\":\"" + scope + "\",\"k\":" + keyJson + "}";
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
