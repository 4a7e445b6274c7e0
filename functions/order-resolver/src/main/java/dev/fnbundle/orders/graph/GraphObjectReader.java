package dev.fnbundle.orders.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.BitSet;

/**
 * Streams one graph object from a parser into a {@link GraphBuilder}, validating as it goes. One-shot.
 *
 * <p>Names are interned straight from the parser's character buffer, so a dependency name already seen costs no
 * allocation. A repeated key is resolved as {@code json.loads} does (last value, first position) once the object
 * is complete; until then its earlier values count against the limits, which keeps reading bounded.
 */
final class GraphObjectReader {
    private final JsonParser parser;
    private final GraphLimits limits;
    private final Violations violations;
    private final GraphBuilder builder = new GraphBuilder(1024, 4096);
    private final NameInterner names = builder.names();
    private final IntArrayList dependencyIds = new IntArrayList(64);
    private final BitSet keys = new BitSet();
    private boolean repeatedKeys;
    private long dependencyCount;

    GraphObjectReader(JsonParser parser, GraphLimits limits, Violations violations) {
        this.parser = parser;
        this.limits = limits;
        this.violations = violations;
    }

    /** Reads the value at the parser's current token; null when it had violations (they are in the collector). */
    DependencyGraph read(String path) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            violations.add(path, "must be a JSON object mapping each node to the array of nodes it depends on");
            parser.skipChildren();
            return null;
        }
        boolean valid = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME && !violations.isFull()) {
            valid &= readEntry(path, parser.currentName());
        }
        if (!valid || violations.isFull()) {
            return null;
        }
        return (repeatedKeys ? builder.withLastAddPerNode() : builder).build();
    }

    private boolean readEntry(String path, String key) throws IOException {
        int keyId = -1;
        String keyPath = null;
        if (key.isEmpty()) {
            keyPath = JsonPaths.member(path, key);
            violations.add(keyPath, "node name must not be empty");
        } else if (key.length() > limits.maxNameLength()) {
            keyPath = JsonPaths.member(path, key);
            violations.add(keyPath, "node name must be at most " + limits.maxNameLength() + " characters");
        } else {
            keyId = internChecked(names.intern(key));
            repeatedKeys |= keys.get(keyId);
            keys.set(keyId);
        }
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            violations.add(keyPath(path, keyId, keyPath), "must be an array of the names of the nodes it depends on");
            parser.skipChildren();
            return false;
        }
        boolean valid = readDependencies(path, keyId, keyPath);
        if (valid && keyId >= 0) {
            builder.addInterned(keyId, dependencyIds);
            return true;
        }
        return false;
    }

    private boolean readDependencies(String path, int keyId, String keyPath) throws IOException {
        dependencyIds.clear();
        boolean valid = true;
        JsonToken token;
        for (int i = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY; i++) {
            String problem = null;
            if (token != JsonToken.VALUE_STRING) {
                problem = "must be a string naming a node";
                parser.skipChildren();
            } else if (parser.getTextLength() == 0) {
                problem = "node name must not be empty";
            } else if (parser.getTextLength() > limits.maxNameLength()) {
                problem = "node name must be at most " + limits.maxNameLength() + " characters";
            } else {
                dependencyIds.add(internChecked(
                        names.intern(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())));
                if (++dependencyCount > limits.maxDependencies()) {
                    throw new GraphTooLargeException("dependencies", limits.maxDependencies());
                }
            }
            if (problem != null) {
                violations.add(JsonPaths.index(keyPath(path, keyId, keyPath), i), problem);
                valid = false;
            }
        }
        return valid;
    }

    private int internChecked(int id) {
        if (names.size() > limits.maxNodes()) {
            throw new GraphTooLargeException("nodes", limits.maxNodes());
        }
        return id;
    }

    private String keyPath(String path, int keyId, String invalidKeyPath) {
        return keyId >= 0 ? JsonPaths.member(path, names.name(keyId)) : invalidKeyPath;
    }
}
