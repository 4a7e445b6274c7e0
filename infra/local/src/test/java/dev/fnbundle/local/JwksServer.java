package dev.fnbundle.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in identity provider on a free loopback port: it publishes a JSON Web Key Set (RSA and P-256 keys by
 * kid) at {@link #url()}, signs tokens with those keys like Cognito or Auth0 would, and can publish new keys
 * later (a rotation). Counts how often its key set was fetched.
 */
public final class JwksServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final Map<String, KeyPair> published = new LinkedHashMap<>();
    private int fetches;

    public JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body;
            synchronized (this) {
                fetches++;
                body = keySet().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    /** Makes a key of {@code type} ("RSA" or "EC") and publishes it under {@code kid}. */
    public synchronized JwksServer publish(String kid, String type) {
        published.put(kid, generate(type));
        return this;
    }

    /** Stops publishing {@code kid} (the provider revoked it). */
    public synchronized JwksServer withdraw(String kid) {
        published.remove(kid);
        return this;
    }

    public synchronized int fetches() {
        return fetches;
    }

    /** A token signed with the published key {@code kid}, for these claims (a JSON object). */
    public synchronized String sign(String kid, String claimsJson) {
        KeyPair key = published.get(kid);
        return sign(kid, key, claimsJson);
    }

    /** A token signed with a key nobody published, claiming to be {@code kid}. */
    public static String signWithUnpublishedKey(String kid, String type, String claimsJson) {
        return sign(kid, generate(type), claimsJson);
    }

    private static String sign(String kid, KeyPair key, String claimsJson) {
        boolean rsa = key.getPublic() instanceof RSAPublicKey;
        String header = B64.encodeToString(("{\"alg\":\"" + (rsa ? "RS256" : "ES256") + "\",\"kid\":\"" + kid
                + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            signature.initSign(key.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String keySet() {
        ObjectNode set = MAPPER.createObjectNode();
        ArrayNode keys = set.putArray("keys");
        published.forEach((kid, pair) -> {
            ObjectNode jwk = keys.addObject().put("kid", kid).put("use", "sig");
            if (pair.getPublic() instanceof RSAPublicKey rsa) {
                jwk.put("kty", "RSA").put("alg", "RS256").put("n", unsigned(rsa.getModulus()))
                        .put("e", unsigned(rsa.getPublicExponent()));
            } else {
                var ec = (ECPublicKey) pair.getPublic();
                jwk.put("kty", "EC").put("crv", "P-256").put("alg", "ES256")
                        .put("x", coordinate(ec.getW().getAffineX())).put("y", coordinate(ec.getW().getAffineY()));
            }
        });
        keys.addObject().put("kid", "encryption-only").put("kty", "RSA").put("use", "enc").put("n", "AQAB")
                .put("e", "AQAB");
        return set.toString();
    }

    private static KeyPair generate(String type) {
        try {
            var generator = KeyPairGenerator.getInstance(type);
            if (type.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger number) {
        byte[] bytes = number.toByteArray();
        return B64.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String coordinate(BigInteger number) {
        byte[] bytes = number.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return B64.encodeToString(fixed);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
