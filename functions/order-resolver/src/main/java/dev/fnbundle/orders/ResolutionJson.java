package dev.fnbundle.orders;

import dev.fnbundle.common.http.EscapedJsonBuilder;
import dev.fnbundle.orders.graph.Resolution;
import java.util.List;

/**
 * The JSON of a {@link Resolution}, written by hand with exactly the bytes the shared mapper writes for the record
 * ({@code {"order":[...],"batches":[[...],...],"nodeCount":n}}). The answer of a large graph is nearly all node
 * names, each twice (in the order and in its batch), and this writes each in one pass (see
 * {@link EscapedJsonBuilder}).
 */
final class ResolutionJson {
    private ResolutionJson() {
    }

    static EscapedJsonBuilder of(Resolution resolution) {
        var json = new EscapedJsonBuilder().raw("{\"order\":");
        names(json, resolution.order());
        json.raw(",\"batches\":[");
        List<List<String>> batches = resolution.batches();
        for (int i = 0; i < batches.size(); i++) {
            if (i > 0) {
                json.raw(',');
            }
            names(json, batches.get(i));
        }
        return json.raw("],\"nodeCount\":").number(resolution.nodeCount()).raw('}');
    }

    private static void names(EscapedJsonBuilder json, List<String> names) {
        json.raw('[');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                json.raw(',');
            }
            json.string(names.get(i));
        }
        json.raw(']');
    }
}
