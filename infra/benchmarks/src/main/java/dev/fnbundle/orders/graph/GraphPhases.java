package dev.fnbundle.orders.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's window into the graph reader's phases, which the public API runs as one call: reading and
 * interning (lexer, name table, builder filled), then building the graph (compressed rows, name Strings). Lives
 * in the core's package for its package-private types; the benchmark is its only user.
 */
public final class GraphPhases {
    private GraphPhases() {
    }

    /** Reads the file's graph through the same lexer and reader as {@link GraphJsonReader}, without building. */
    public static Object readAndIntern(Path file, GraphLimits limits) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int expected = JsonInputs.expectedNames(in);
            JsonLexer lexer = JsonInputs.open(in);
            lexer.next();
            Violations violations = new Violations(limits.maxViolations());
            GraphBuilder builder = new GraphObjectReader(lexer, limits, violations, expected).readEntries("graph");
            violations.throwIfAny();
            return builder;
        }
    }

    /** Builds the graph from what {@link #readAndIntern} returned; once per result. */
    public static DependencyGraph build(Object filled) {
        return ((GraphBuilder) filled).build();
    }
}
