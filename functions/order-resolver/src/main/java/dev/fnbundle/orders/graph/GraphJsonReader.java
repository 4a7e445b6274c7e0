package dev.fnbundle.orders.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.io.IOException;
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
 * Reads graphs from JSON with Jackson's streaming parser, keeping key order and Python's {@code json.loads}
 * semantics for a repeated key (its last value wins, at the position of its first occurrence).
 *
 * <p>Every entry is validated with a field path: the graph must be an object, each value an array, each element
 * a non-empty string, names at most {@link GraphLimits#maxNameLength()} characters. Thread-safe; one instance can
 * serve all requests. Time and memory are linear in the input.
 *
 * <p>Errors: {@link GraphJsonSyntaxException} for malformed JSON (400), {@link InvalidFieldsException} with every
 * violation up to the cap (400), {@link GraphTooLargeException} past the node or dependency limit (413). An
 * {@link UncheckedIOException} only when the stream itself fails.
 */
public final class GraphJsonReader {
    /**
     * Field-name canonicalization off: a graph's keys are mostly distinct, so Jackson's symbol table would only
     * grow, and its collision guard could reject a large adversarial graph with an unchecked exception.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

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
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readGraphDocument(parser);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    /** Like {@link #readGraph(InputStream)} for a document held in memory. */
    public DependencyGraph readGraph(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readGraphDocument(parser);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    /**
     * Reads a request body {@code {"graph": {...}, "strict": false}}: {@code graph} required, {@code strict}
     * optional (false), any other field a violation. Never returns null.
     */
    public GraphRequest readRequest(InputStream body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            return readRequestDocument(parser, Set.of());
        } catch (IOException e) {
            throw translated(e);
        }
    }

    /** Like {@link #readRequest(InputStream)} for a body held in memory. */
    public GraphRequest readRequest(String body) {
        return readRequest(body, Set.of());
    }

    /**
     * Like {@link #readRequest(String)}, also accepting the named optional boolean fields (e.g.
     * {@code autoComplete} for a run); their values are in {@link GraphRequest#options()}.
     */
    public GraphRequest readRequest(String body, Set<String> booleanOptions) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            return readRequestDocument(parser, booleanOptions);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    private DependencyGraph readGraphDocument(JsonParser parser) throws IOException {
        Violations violations = new Violations(limits.maxViolations());
        requireStart(parser);
        DependencyGraph graph = new GraphObjectReader(parser, limits, violations).read("graph");
        violations.throwIfAny();
        requireEnd(parser);
        return graph;
    }

    private GraphRequest readRequestDocument(JsonParser parser, Set<String> booleanOptions) throws IOException {
        Violations violations = new Violations(limits.maxViolations());
        if (requireStart(parser) != JsonToken.START_OBJECT) {
            violations.add("body", "must be a JSON object with a graph field");
            violations.throwIfAny();
        }
        DependencyGraph graph = null;
        boolean graphSeen = false;
        boolean strict = false;
        Map<String, Boolean> options = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME && !violations.isFull()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("graph")) {
                graphSeen = true;
                graph = new GraphObjectReader(parser, limits, violations).read("graph");
            } else if (field.equals("strict")) {
                if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    strict = value == JsonToken.VALUE_TRUE;
                } else {
                    violations.add("strict", "must be true or false");
                    parser.skipChildren();
                }
            } else if (booleanOptions.contains(field)) {
                if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    options.put(field, value == JsonToken.VALUE_TRUE);
                } else {
                    violations.add(field, "must be true or false");
                    parser.skipChildren();
                }
            } else {
                var known = new ArrayList<>(List.of("graph", "strict"));
                known.addAll(new TreeSet<>(booleanOptions));
                violations.add(JsonPaths.member("", field), "is not a known field; expected "
                        + String.join(", ", known.subList(0, known.size() - 1)) + " and " + known.getLast());
                parser.skipChildren();
            }
        }
        if (!graphSeen) {
            violations.add("graph", "is required");
        }
        violations.throwIfAny();
        requireEnd(parser);
        return new GraphRequest(graph, strict, options);
    }

    private static JsonToken requireStart(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new GraphJsonSyntaxException("the body is empty", 1, 1, null);
        }
        return first;
    }

    /** Python's json.loads rejects "extra data" after the document; Jackson would read it as a second value. */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new GraphJsonSyntaxException("unexpected content after the end of the JSON document",
                    at.getLineNr(), at.getColumnNr(), null);
        }
    }

    private static RuntimeException translated(IOException e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String problem = json.getOriginalMessage();
            if (problem != null && problem.length() > 200) {
                problem = problem.substring(0, 200) + "...";
            }
            return new GraphJsonSyntaxException(problem, at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(), e);
        }
        return new UncheckedIOException("reading the graph failed", e);
    }
}
