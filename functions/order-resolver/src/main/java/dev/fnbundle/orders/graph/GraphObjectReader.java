package dev.fnbundle.orders.graph;

import java.util.BitSet;

/**
 * Streams one graph object from a {@link JsonLexer} into a {@link GraphBuilder}, validating as it goes. One-shot.
 *
 * <p>Names go from the lexer's byte buffer into a {@link NameBatch}, which interns them in input order, so a name
 * already seen costs no allocation and lookups overlap their cache misses; entries reach the builder once their
 * names are interned. Before any violation, size error or syntax error the pending names are interned, so errors
 * come in input order as if each name were interned on sight. A repeated key is resolved as {@code json.loads}
 * does (last value, first position) once the object is complete; until then its earlier values count against
 * the limits, which keeps reading bounded.
 */
final class GraphObjectReader {
    private final JsonLexer lexer;
    private final GraphLimits limits;
    private final Violations violations;
    private final GraphBuilder builder;
    private final NameInterner names;
    private final NameBatch batch;
    /** Complete entries waiting for their names: pairs of (key position, end position) in {@link #batch}. */
    private final IntArrayList entries = new IntArrayList(2 * NameBatch.SIZE);
    private final BitSet keys = new BitSet();
    private boolean repeatedKeys;
    private long dependencyCount;

    GraphObjectReader(JsonLexer lexer, GraphLimits limits, Violations violations, int expectedNames) {
        this.lexer = lexer;
        this.limits = limits;
        this.violations = violations;
        // Sized from the input's length, so a large graph does not copy its arrays over and over while growing.
        this.builder = new GraphBuilder(Math.min(expectedNames, limits.maxNodes()),
                (int) Math.min(expectedNames * 5L, limits.maxDependencies()));
        this.names = builder.names();
        this.batch = new NameBatch(names, limits.maxNodes());
    }

    /** Reads the value at the lexer's current token; null when it had violations (they are in the collector). */
    DependencyGraph read(String path) {
        GraphBuilder filled = readEntries(path);
        return filled == null ? null : filled.build();
    }

    /**
     * Reads and interns every entry without building the graph (the benchmark times the two phases apart);
     * null when there were violations.
     */
    GraphBuilder readEntries(String path) {
        if (lexer.token() != JsonLexer.OBJECT_START) {
            violations.add(path, "must be a JSON object mapping each node to the array of nodes it depends on");
            lexer.skipChildren();
            return null;
        }
        boolean valid = true;
        try {
            while (lexer.next() == JsonLexer.KEY && !violations.isFull()) {
                if (batch.size() >= NameBatch.SIZE) {
                    flush();
                }
                valid &= readEntry(path);
            }
        } catch (GraphJsonSyntaxException e) {
            batch.resolve(); // a size error in the names before the syntax error comes first, as it did
            throw e;
        }
        flush();
        if (!valid || violations.isFull()) {
            return null;
        }
        return repeatedKeys ? builder.withLastAddPerNode() : builder;
    }

    private boolean readEntry(String path) {
        int keyPosition = -1;
        String keyPath = null;
        int length = lexer.charLength();
        if (length == 0 || length > limits.maxNameLength()) {
            batch.resolve();
            keyPath = JsonPaths.member(path, length == 0 ? "" : lexer.text());
            violations.add(keyPath, length == 0 ? "node name must not be empty"
                    : "node name must be at most " + limits.maxNameLength() + " characters");
        } else {
            keyPosition = batch.add(lexer.textBytes(), lexer.textOffset(), lexer.textLength());
        }
        if (lexer.next() != JsonLexer.ARRAY_START) {
            batch.resolve();
            violations.add(keyPath(path, keyPosition, keyPath),
                    "must be an array of the names of the nodes it depends on");
            lexer.skipChildren();
            return false;
        }
        boolean valid = readDependencies(path, keyPosition, keyPath);
        if (valid && keyPosition >= 0) {
            entries.add(keyPosition);
            entries.add(batch.size());
            return true;
        }
        return false;
    }

    private boolean readDependencies(String path, int keyPosition, String keyPath) {
        boolean valid = true;
        int token;
        for (int i = 0; (token = lexer.next()) != JsonLexer.ARRAY_END; i++) {
            String problem = null;
            if (token != JsonLexer.STRING) {
                problem = "must be a string naming a node";
                lexer.skipChildren();
            } else if (lexer.charLength() == 0) {
                problem = "node name must not be empty";
            } else if (lexer.charLength() > limits.maxNameLength()) {
                problem = "node name must be at most " + limits.maxNameLength() + " characters";
            } else {
                batch.add(lexer.textBytes(), lexer.textOffset(), lexer.textLength());
                if (++dependencyCount > limits.maxDependencies()) {
                    batch.resolve();
                    throw new GraphTooLargeException("dependencies", limits.maxDependencies());
                }
            }
            if (problem != null) {
                batch.resolve();
                violations.add(JsonPaths.index(keyPath(path, keyPosition, keyPath), i), problem);
                valid = false;
            }
        }
        return valid;
    }

    /** Interns the pending names and hands the complete entries to the builder in input order. */
    private void flush() {
        batch.resolve();
        int[] ids = batch.ids();
        for (int e = 0; e < entries.size(); e += 2) {
            int keyPosition = entries.get(e);
            int keyId = ids[keyPosition];
            repeatedKeys |= keys.get(keyId);
            keys.set(keyId);
            builder.addInterned(keyId, ids, keyPosition + 1, entries.get(e + 1));
        }
        entries.clear();
        batch.clear();
    }

    private String keyPath(String path, int keyPosition, String invalidKeyPath) {
        return keyPosition >= 0 ? JsonPaths.member(path, names.name(batch.id(keyPosition))) : invalidKeyPath;
    }
}
