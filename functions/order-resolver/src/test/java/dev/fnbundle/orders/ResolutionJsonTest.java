package dev.fnbundle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.ApiResponseWriter;
import dev.fnbundle.common.http.EscapedJsonBuilder;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.graph.Resolution;
import dev.fnbundle.orders.testing.RandomGraphs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written answer of /orders/resolve is byte for byte the response the shared mapper writes for it. */
class ResolutionJsonTest {
    private final GraphJsonReader reader = new GraphJsonReader();
    private final OrderResolver resolver = new OrderResolver();

    @Test
    void random_graphs_with_odd_names_are_answered_byte_for_byte_as_mapped() throws IOException {
        Random random = new Random(20_261_207L);
        for (int round = 0; round < 300; round++) {
            String graph = RandomGraphs.graphJson(random, true);
            Resolution resolution = resolver.resolve(reader.readGraph(graph));

            assertThat(written(ResolutionJson.of(resolution))).as(graph).isEqualTo(mapped(resolution));
        }
    }

    @Test
    void names_needing_escapes_at_both_levels_are_answered_as_mapped() throws IOException {
        String graph = "{\"a \\\"q\\\" \\\\ \\u0001\\n\\t\\u007f\": [\"\\u00e9\\u2028\", \"\\ud83d\\ude00\"],"
                + " \"\\ud800 lone\": [], \"</script>\": [\"a \\\"q\\\" \\\\ \\u0001\\n\\t\\u007f\"]}";
        Resolution resolution = resolver.resolve(reader.readGraph(graph));

        assertThat(written(ResolutionJson.of(resolution))).isEqualTo(mapped(resolution));
    }

    @Test
    void an_empty_graph_is_answered_as_mapped() throws IOException {
        Resolution resolution = resolver.resolve(reader.readGraph("{}"));

        assertThat(written(ResolutionJson.of(resolution))).isEqualTo(mapped(resolution));
    }

    private static byte[] mapped(Resolution resolution) throws IOException {
        return responseBytes(ApiResponse.ok((Object) resolution));
    }

    private static byte[] written(EscapedJsonBuilder json) throws IOException {
        return responseBytes(ApiResponse.ok(json));
    }

    private static byte[] responseBytes(ApiResponse response) throws IOException {
        var out = new ByteArrayOutputStream();
        ApiResponseWriter.write(response.toGatewayResponse(), out);
        return out.toByteArray();
    }
}
