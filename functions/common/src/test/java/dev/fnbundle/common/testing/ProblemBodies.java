package dev.fnbundle.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads problem+json bodies in handler tests. */
public final class ProblemBodies {
    private ProblemBodies() {
    }

    /** The {@code field} of each entry of a 400's {@code errors}, in order; empty when it has none. */
    public static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
