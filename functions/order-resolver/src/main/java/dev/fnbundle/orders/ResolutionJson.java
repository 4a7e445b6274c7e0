package dev.fnbundle.orders;

import dev.fnbundle.common.http.EscapedJsonBuilder;
import dev.fnbundle.orders.graph.Resolution;
import java.util.List;

/**
 * The JSON of a {@link Resolution}, written by hand with exactly the bytes the shared mapper writes for the record
 * ({@code {"order":[...],"batches":[[...],...],"nodeCount":n}}). The answer of a large graph is nearly all node
 * names, each twice: the batches, one after the other, are the order cut into groups. So each name is written once,
 * in the order, in one pass (see {@link EscapedJsonBuilder}), and each batch is a copy of its stretch of the order's
 * bytes. Reading 40 000 names' Strings, in an order unrelated to where they lie in memory, was the larger cost.
 */
final class ResolutionJson {
    /** Room for each name twice at this many escaped bytes (quotes and comma included), before the buffer grows. */
    private static final int BYTES_PER_NAME = 12;

    private ResolutionJson() {
    }

    static EscapedJsonBuilder of(Resolution resolution) {
        List<String> order = resolution.order();
        int expectedBytes = (int) Math.min(1 << 28, 64 + 2L * BYTES_PER_NAME * order.size());
        var json = new EscapedJsonBuilder(expectedBytes).raw("{\"order\":[");
        List<List<String>> batches = resolution.batches();
        // where each batch's names start and end among the order's bytes
        int[] starts = new int[batches.size()];
        int[] ends = new int[batches.size()];
        int written = 0;
        for (int batch = 0; batch < batches.size(); batch++) {
            starts[batch] = json.length() + (written > 0 ? 1 : 0);
            for (int end = written + batches.get(batch).size(); written < end; written++) {
                if (written > 0) {
                    json.raw(',');
                }
                json.string(order.get(written));
            }
            ends[batch] = json.length();
        }
        json.raw("],\"batches\":[");
        for (int batch = 0; batch < batches.size(); batch++) {
            json.raw(batch == 0 ? "[" : ",[").again(starts[batch], ends[batch]).raw(']');
        }
        return json.raw("],\"nodeCount\":").number(resolution.nodeCount()).raw('}');
    }
}
