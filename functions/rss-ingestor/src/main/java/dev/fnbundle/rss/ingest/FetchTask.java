package dev.fnbundle.rss.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.rss.feeds.FeedUrl;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * One fetch queue message: {@code {"feedId", "run", "slotAt"?}}.
 *
 * @param feedId the feed to fetch
 * @param run    what queued it (the schedule event's id, for logs), never null
 * @param slotAt the host slot this task already holds (set when it was deferred for politeness), or null
 */
public record FetchTask(String feedId, String run, Instant slotAt) {
    private static final int MAX_RUN_CHARS = 200;

    /** @throws IllegalArgumentException when {@code feedId} is not a feed id */
    public FetchTask {
        if (!FeedUrl.isId(feedId)) {
            throw new IllegalArgumentException("a fetch task needs a feedId of 24 hex digits");
        }
        Objects.requireNonNull(run, "run");
    }

    /**
     * Reads a message body.
     *
     * @throws IllegalArgumentException when the body is not a fetch task (the message then ends in the DLQ)
     */
    public static FetchTask parse(String body) {
        JsonNode node;
        try {
            node = Json.parse(body == null ? "" : body);
        } catch (MalformedJsonException e) {
            throw new IllegalArgumentException("a fetch task must be JSON: " + e.getMessage(), e);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a fetch task must be a JSON object");
        }
        String run = node.path("run").asText("unknown");
        Instant slot = null;
        if (node.hasNonNull("slotAt")) {
            try {
                slot = Instant.parse(node.get("slotAt").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("slotAt must be an ISO-8601 instant", e);
            }
        }
        return new FetchTask(node.path("feedId").asText(""), run.length() > MAX_RUN_CHARS
                ? run.substring(0, MAX_RUN_CHARS) : run, slot);
    }

    /** The message body. */
    public String toJson() {
        var body = new LinkedHashMap<String, Object>();
        body.put("feedId", feedId);
        body.put("run", run);
        if (slotAt != null) {
            body.put("slotAt", slotAt.toString());
        }
        return Json.write(body);
    }

    /** The same task holding a host slot. */
    public FetchTask withSlot(Instant slot) {
        return new FetchTask(feedId, run, slot);
    }
}
