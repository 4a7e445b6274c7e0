package dev.fnbundle.orders;

import dev.fnbundle.common.http.JsonAnswer;
import dev.fnbundle.orders.graph.Resolution;
import java.util.List;

/**
 * The JSON answer of {@code POST /orders/resolve}, written name by name straight into the response's bytes
 * ({@link JsonAnswer}): the same bytes as Jackson's mapping of {@link Resolution} ({@code order}, {@code batches},
 * {@code nodeCount}), which for 40 000 names was a quarter of the request's time in the function.
 */
final class ResolutionJson {
    private ResolutionJson() {
    }

    static JsonAnswer of(Resolution resolution) {
        var json = new JsonAnswer().syntax("{\"order\":");
        names(json, resolution.order());
        json.syntax(",\"batches\":[");
        List<List<String>> batches = resolution.batches();
        for (int i = 0; i < batches.size(); i++) {
            if (i > 0) {
                json.syntax(",");
            }
            names(json, batches.get(i));
        }
        return json.syntax("],\"nodeCount\":").number(resolution.nodeCount()).syntax("}");
    }

    private static void names(JsonAnswer json, List<String> names) {
        json.syntax("[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                json.syntax(",");
            }
            json.string(names.get(i));
        }
        json.syntax("]");
    }
}
