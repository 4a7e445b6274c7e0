package dev.fnbundle.orders.graph;

import dev.fnbundle.common.validation.InvalidFieldsException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads graphs from JSON with Python's {@code json.loads} semantics: key order kept, a repeated key's last value
 * wins at the position of its first occurrence, escapes and lone surrogates as Python decodes them, NaN and
 * Infinity accepted as (invalid) values, nothing after the document.
 *
 * <p>Every entry is validated with a field path: the graph must be an object, each value an array, each element
 * a non-empty string, names at most {@link GraphLimits#maxNameLength()} characters. Thread-safe; one instance can
 * serve all requests. Time and memory are linear in the input: a byte-level {@link JsonLexer} streams the input
 * and names are interned from its buffer without a String per occurrence.
 *
 * <p>Errors: {@link GraphJsonSyntaxException} for malformed JSON (400), {@link InvalidFieldsException} with every
 * violation up to the cap (400), {@link GraphTooLargeException} past the node or dependency limit (413). An
 * {@link UncheckedIOException} only when the stream itself fails.
 */
public final class GraphJsonReader {
    private final GraphLimits limits;

    /** A reader with {@link GraphLimits#DEFAULT}. */
    public GraphJsonReader() {
        this(GraphLimits.DEFAULT);
    }

    public GraphJsonReader(GraphLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Reads a document that is one graph object, reporting paths under {@code graph}. Never returns null. */
    public DependencyGraph readGraph(InputStream json) {
        int expected = JsonInputs.expectedNames(json);
        return readGraphDocument(JsonInputs.open(json), expected);
    }

    /** Like {@link #readGraph(InputStream)} for a document held in memory. */
    public DependencyGraph readGraph(String json) {
        return readGraphDocument(JsonInputs.of(json), JsonInputs.expectedNames(json.length()));
    }

    /**
     * Reads a request body {@code {"graph": {...}, "strict": false}}: {@code graph} required, {@code strict}
     * optional (false), any other field a violation. Never returns null.
     */
    public GraphRequest readRequest(InputStream body) {
        int expected = JsonInputs.expectedNames(body);
        return readRequestDocument(JsonInputs.open(body), Set.of(), expected);
    }

    /** Like {@link #readRequest(InputStream)} for a body held in memory. */
    public GraphRequest readRequest(String body) {
        return readRequest(body, Set.of());
    }

    /**
     * Like {@link #readRequest(String)} for a body held as the UTF-8 bytes of a String without lone surrogates
     * (as an HTTP API event's text body arrives): the same answer as for {@code new String(text, UTF_8)}, read by
     * the byte-level lexer straight from these bytes, which are neither copied nor modified.
     */
    public GraphRequest readRequestText(byte[] text) {
        return readRequestText(text, text.length);
    }

    /** {@link #readRequestText(byte[])} of the first {@code length} bytes of {@code text}. */
    public GraphRequest readRequestText(byte[] text, int length) {
        return readRequestDocument(JsonInputs.ofText(text, length), Set.of(), JsonInputs.expectedNames(length));
    }

    /**
     * Like {@link #readRequest(String)}, also accepting the named optional boolean fields (e.g.
     * {@code autoComplete} for a run); their values are in {@link GraphRequest#options()}.
     */
    public GraphRequest readRequest(String body, Set<String> booleanOptions) {
        return readRequestDocument(JsonInputs.of(body), booleanOptions, JsonInputs.expectedNames(body.length()));
    }

    private DependencyGraph readGraphDocument(JsonLexer lexer, int expectedNames) {
        Violations violations = new Violations(limits.maxViolations());
        requireStart(lexer);
        DependencyGraph graph = new GraphObjectReader(lexer, limits, violations, expectedNames).read("graph");
        violations.throwIfAny();
        requireEnd(lexer);
        return graph;
    }

    private GraphRequest readRequestDocument(JsonLexer lexer, Set<String> booleanOptions, int expectedNames) {
        Violations violations = new Violations(limits.maxViolations());
        if (requireStart(lexer) != JsonLexer.OBJECT_START) {
            violations.add("body", "must be a JSON object with a graph field");
            violations.throwIfAny();
        }
        DependencyGraph graph = null;
        boolean graphSeen = false;
        boolean strict = false;
        Map<String, Boolean> options = new HashMap<>();
        while (lexer.next() == JsonLexer.KEY && !violations.isFull()) {
            String field = lexer.text();
            lexer.next();
            if (field.equals("graph")) {
                graphSeen = true;
                graph = new GraphObjectReader(lexer, limits, violations, expectedNames).read("graph");
            } else if (field.equals("strict") || booleanOptions.contains(field)) {
                Boolean value = booleanValue(lexer);
                if (value == null) {
                    violations.add(field, "must be true or false");
                    lexer.skipChildren();
                } else if (field.equals("strict")) {
                    strict = value;
                } else {
                    options.put(field, value);
                }
            } else {
                var known = new ArrayList<>(List.of("graph", "strict"));
                known.addAll(new TreeSet<>(booleanOptions));
                violations.add(JsonPaths.member("", field), "is not a known field; expected "
                        + String.join(", ", known.subList(0, known.size() - 1)) + " and " + known.getLast());
                lexer.skipChildren();
            }
        }
        if (!graphSeen) {
            violations.add("graph", "is required");
        }
        violations.throwIfAny();
        requireEnd(lexer);
        return new GraphRequest(graph, strict, options);
    }

    /** True or false for the literals, null for any other value. */
    private static Boolean booleanValue(JsonLexer lexer) {
        return lexer.token() == JsonLexer.SCALAR ? lexer.booleanLiteral() : null;
    }

    private static int requireStart(JsonLexer lexer) {
        int first = lexer.next();
        if (first == JsonLexer.END) {
            throw new GraphJsonSyntaxException("the body is empty", 1, 1, null);
        }
        return first;
    }

    /** Python's json.loads rejects "extra data" after the document. */
    private static void requireEnd(JsonLexer lexer) {
        lexer.next(); // after a complete document: END, or a syntax error on the first byte that follows
    }
}
