package dev.fnbundle.configaudit.semantic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;

/**
 * Strict JSON through Jackson's streaming parser: no comments, no trailing tokens, at most {@value #MAX_DEPTH}
 * levels, and a duplicate key in an object is an error at that key's position.
 *
 * <p>Paths: {@code database.host}, {@code servers[0]}; values are the literal text of strings and numbers
 * ({@code 1.0} and {@code 1} differ), {@code true}, {@code false} or {@code null}. Blank text has no keys.
 */
public final class JsonConfigParser implements ConfigParser {
    static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    @Override
    public SortedMap<String, ConfigEntry> parse(String text) {
        LeafCollector leaves = new LeafCollector(ConfigFormat.JSON);
        if (text.isBlank()) {
            return leaves.entries();
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            value(parser, leaves, "", "$");
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation(), "unexpected content after the top-level value");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigParseException(ConfigFormat.JSON, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), SafeMessages.redact(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string failed", e);
        }
        return leaves.entries();
    }

    private static void value(JsonParser p, LeafCollector leaves, String path, String name) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            object(p, leaves, path, name);
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                value(p, leaves, KeyPaths.index(path, i++), name);
            }
            if (i == 0) {
                put(p, leaves, path, name, "[]");
            }
        } else {
            put(p, leaves, path, name, p.getText());
        }
    }

    private static void object(JsonParser p, LeafCollector leaves, String path, String name) throws IOException {
        Set<String> seen = new HashSet<>();
        int fields = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!seen.add(key)) {
                throw error(p.currentTokenLocation(), "duplicate key " + shortQuoted(key));
            }
            p.nextToken();
            value(p, leaves, KeyPaths.child(path, key), key);
            fields++;
        }
        if (fields == 0) {
            put(p, leaves, path, name, "{}");
        }
    }

    private static void put(JsonParser p, LeafCollector leaves, String path, String name, String value) {
        JsonLocation at = p.currentTokenLocation();
        leaves.put(path.isEmpty() ? "$" : path, name, value, at.getLineNr(), at.getColumnNr());
    }

    private static String shortQuoted(String key) {
        return "'" + (key.length() > 64 ? key.substring(0, 64) + "…" : key) + "'";
    }

    private static ConfigParseException error(JsonLocation at, String detail) {
        return new ConfigParseException(ConfigFormat.JSON, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                detail);
    }
}
