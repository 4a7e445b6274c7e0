package dev.fnbundle.orders;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.orders.runs.RunService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What an idempotent {@code POST /runs} stores: the digest of the body it answered, and its answer. */
record IdempotentRun(String bodySha256, RunService.StartedRun run) {
    static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static IdempotentRun read(String json) {
        var node = Json.parse(json);
        var ready = node.path("run").path("ready");
        var nodes = new java.util.ArrayList<String>(ready.size());
        ready.forEach(n -> nodes.add(n.asText()));
        return new IdempotentRun(node.path("bodySha256").asText(),
                new RunService.StartedRun(node.path("run").path("runId").asText(), List.copyOf(nodes)));
    }
}
