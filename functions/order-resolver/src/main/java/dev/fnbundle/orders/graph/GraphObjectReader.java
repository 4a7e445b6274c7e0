package dev.fnbundle.orders.graph;

import java.util.Arrays;

/**
 * Streams one graph object from a {@link JsonLexer} into a {@link GraphBuilder}, validating as it goes. One-shot.
 *
 * <p>Names are interned from the lexer's byte buffer, so a name already seen costs no allocation. A large graph's
 * name table does not fit in the cache: there names go through a {@link NameBatch}, which interns them in input
 * order while overlapping the table's cache misses, and entries reach the builder once their names are interned;
 * before any violation, size error or syntax error the pending names are interned, so errors come in input order
 * as if each name were interned on sight. A small graph's table fits in the cache, where the batch's copies cost
 * more than the misses it overlaps: there names are interned on sight, straight into the builder. A repeated key
 * is resolved as {@code json.loads} does (last value, first position) once the object is complete; until then its
 * earlier values count against the limits, which keeps reading bounded.
 */
final class GraphObjectReader {
    /**
     * Up to this many expected names (documents up to about 6 MB; with the room below, a name table of at most
     * 4 MiB) names are interned on sight. Measured per read, on sight against batched: 40 000 nodes 8.8 against
     * 9.8 ms, 90 000 nodes 24 against 29 ms, 180 000 nodes 69 against 66 ms, 400 000 nodes 298 against 172 ms.
     */
    static final int DIRECT_MAX_NAMES = 3 << 15;

    private final JsonLexer lexer;
    private final GraphLimits limits;
    private final Violations violations;
    private final GraphBuilder builder;
    private final NameInterner names;
    /** Null when names are interned on sight. */
    private final NameBatch batch;
    /** Complete entries waiting for their names: pairs of (key position, end position) in {@link #batch}. */
    private final IntArrayList entries = new IntArrayList(2 * NameBatch.SIZE);
    /** Bit {@code id} set once node {@code id} was a key: a repeated key needs json.loads' dict semantics. */
    private long[] keys;
    private boolean repeatedKeys;
    private long dependencyCount;

    GraphObjectReader(JsonLexer lexer, GraphLimits limits, Violations violations, int expectedNames) {
        this.lexer = lexer;
        this.limits = limits;
        this.violations = violations;
        boolean small = expectedNames <= DIRECT_MAX_NAMES;
        // Sized from the input's length, so a large graph does not copy its arrays over and over while growing. The
        // estimate assumes 64 bytes a name; a graph of short names has fewer (55 in RandomDagWriter's), and a small
        // graph gets room for a third more names, little memory that spares it copying every array once.
        int sized = small ? expectedNames + expectedNames / 3 : expectedNames;
        int expectedNodes = Math.min(sized, limits.maxNodes());
        this.builder = new GraphBuilder(expectedNodes, (int) Math.min(sized * 5L, limits.maxDependencies()));
        this.names = builder.names();
        this.batch = small ? null : new NameBatch(names, limits.maxNodes());
        this.keys = new long[(expectedNodes >> 6) + 1];
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
                if (batch != null && batch.size() >= NameBatch.SIZE) {
                    flush();
                }
                valid &= readEntry(path);
            }
        } catch (GraphJsonSyntaxException e) {
            resolvePending(); // a size error in the names before the syntax error comes first, as it did
            throw e;
        }
        if (batch != null) {
            flush();
        }
        if (!valid || violations.isFull()) {
            return null;
        }
        return repeatedKeys ? builder.withLastAddPerNode() : builder;
    }

    /** Reads one entry; its key is a batch position or, when names are interned on sight, the key's id. */
    private boolean readEntry(String path) {
        int key = -1;
        String keyPath = null;
        int length = lexer.charLength();
        if (length == 0 || length > limits.maxNameLength()) {
            resolvePending();
            keyPath = JsonPaths.member(path, length == 0 ? "" : lexer.text());
            violations.add(keyPath, length == 0 ? "node name must not be empty"
                    : "node name must be at most " + limits.maxNameLength() + " characters");
        } else {
            key = add();
        }
        if (lexer.next() != JsonLexer.ARRAY_START) {
            resolvePending();
            violations.add(keyPath(path, key, keyPath), "must be an array of the names of the nodes it depends on");
            lexer.skipChildren();
            return false;
        }
        int mark = builder.dependencyCount();
        boolean valid = readDependencies(path, key, keyPath) && key >= 0;
        if (batch != null) {
            if (valid) {
                entries.add(key);
                entries.add(batch.size());
            }
        } else if (valid) {
            markKey(key);
            builder.endAdd(key);
        } else {
            builder.dropDependenciesFrom(mark);
        }
        return valid;
    }

    private boolean readDependencies(String path, int key, String keyPath) {
        boolean valid = true;
        for (int i = 0; ; i++) {
            int token = lexer.nextPlainElement();
            if (token < 0 && (token = lexer.next()) == JsonLexer.ARRAY_END) {
                break;
            }
            String problem = null;
            if (token != JsonLexer.STRING) {
                problem = "must be a string naming a node";
                lexer.skipChildren();
            } else if (lexer.charLength() == 0) {
                problem = "node name must not be empty";
            } else if (lexer.charLength() > limits.maxNameLength()) {
                problem = "node name must be at most " + limits.maxNameLength() + " characters";
            } else {
                int name = add();
                if (batch == null) {
                    builder.addDependency(name);
                }
                if (++dependencyCount > limits.maxDependencies()) {
                    resolvePending();
                    throw new GraphTooLargeException("dependencies", limits.maxDependencies());
                }
            }
            if (problem != null) {
                resolvePending();
                violations.add(JsonPaths.index(keyPath(path, key, keyPath), i), problem);
                valid = false;
            }
        }
        return valid;
    }

    /** The current string's batch position, or its id when names are interned on sight. */
    private int add() {
        if (batch != null) {
            return batch.add(lexer.textBytes(), lexer.textOffset(), lexer.textLength());
        }
        int id = names.intern(lexer.textBytes(), lexer.textOffset(), lexer.textLength());
        if (id >= limits.maxNodes()) {
            throw new GraphTooLargeException("nodes", limits.maxNodes());
        }
        return id;
    }

    private void resolvePending() {
        if (batch != null) {
            batch.resolve();
        }
    }

    /** Interns the pending names and hands the complete entries to the builder in input order. */
    private void flush() {
        batch.resolve();
        int[] ids = batch.ids();
        for (int e = 0; e < entries.size(); e += 2) {
            int keyPosition = entries.get(e);
            int keyId = ids[keyPosition];
            markKey(keyId);
            builder.addInterned(keyId, ids, keyPosition + 1, entries.get(e + 1));
        }
        entries.clear();
        batch.clear();
    }

    private void markKey(int id) {
        if (id >> 6 >= keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, (id >> 6) + 1));
        }
        long bit = 1L << id;
        repeatedKeys |= (keys[id >> 6] & bit) != 0;
        keys[id >> 6] |= bit;
    }

    private String keyPath(String path, int key, String invalidKeyPath) {
        if (key < 0) {
            return invalidKeyPath;
        }
        return JsonPaths.member(path, names.name(batch != null ? batch.id(key) : key));
    }
}
