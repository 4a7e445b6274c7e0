package dev.fnbundle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.ApiResponseWriter;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.graph.Resolution;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written orders answer is byte for byte Jackson's mapping of the same resolution, in the response too. */
class ResolutionJsonTest {
    private static final List<String> NAMES = List.of("plain", "a \"quoted\" name", "back\\slash", "slash/",
            "tab\tnew\nline\r\u0001\u001f\u007f", "caf\u00e9", "\u4e2d\u6587", "emoji \ud83d\ude00", "lone \ud800",
            "low \udc00", "sep\u2028\u2029", "\ufeffbom", "</script>");

    @Test
    void every_kind_of_name_is_written_as_jackson_writes_it() throws IOException {
        var graph = new StringBuilder("{");
        for (int i = 0; i < NAMES.size(); i++) {
            graph.append(i == 0 ? "" : ",").append(Json.write(NAMES.get(i))).append(":")
                    .append(i == 0 ? "[]" : Json.write(List.of(NAMES.get(i - 1))));
        }
        graph.append(",\"extra\":").append(Json.write(NAMES)).append("}");
        Resolution resolution = new OrderResolver().resolve(new GraphJsonReader().readGraph(graph.toString()));

        assertSameAsJackson(resolution);
    }

    @Test
    void a_large_graph_and_an_empty_one_are_written_as_jackson_writes_them() throws IOException {
        var graph = new ArrayList<String>();
        for (int i = 0; i < 5_000; i++) {
            graph.add("\"n" + i + "\":[" + (i == 0 ? "" : "\"n" + (i / 2) + "\",\"n" + (i - 1) + "\"") + "]");
        }
        var reader = new GraphJsonReader();

        assertSameAsJackson(new OrderResolver().resolve(reader.readGraph("{" + String.join(",", graph) + "}")));
        assertSameAsJackson(new OrderResolver().resolve(reader.readGraph("{}")));
    }

    private static void assertSameAsJackson(Resolution resolution) throws IOException {
        ApiResponse ours = ApiResponse.ok(ResolutionJson.of(resolution));
        ApiResponse jackson = ApiResponse.ok(resolution);

        assertThat(written(ours)).isEqualTo(written(jackson));
        assertThat(ours.body()).isEqualTo(Json.write(resolution));
        assertThat(Json.parse(ours.body()).path("order").size()).isEqualTo(resolution.order().size());
    }

    private static byte[] written(ApiResponse response) throws IOException {
        var out = new ByteArrayOutputStream();
        ApiResponseWriter.write(response.header("x-request-id", "r-1").toGatewayResponse(), out);
        return out.toByteArray();
    }
}
