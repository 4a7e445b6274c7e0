package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.orders.testing.PythonRunner;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The byte-level graph reader against python3's {@code json.loads} + graphlib on the corners where a JSON reader
 * can differ: escapes, surrogate pairs and lone surrogates, repeated keys, raw non-ASCII and invalid UTF-8,
 * encodings, and malformed documents. For every document both sides must agree on whether it loads, and when it
 * does on the node names in graphlib's insertion order and on the static order.
 */
class PythonJsonLoadsDifferentialTest {
    private static final String SCRIPT = """
            import json, sys
            from graphlib import TopologicalSorter

            def judge(load):
                try:
                    graph = load()
                except ValueError as e:
                    return {"ok": False, "error": type(e).__name__}
                ts = TopologicalSorter(graph)
                order = list(TopologicalSorter(graph).static_order())
                return {"ok": True, "names": list(ts._node2info), "order": order}

            cases = json.load(sys.stdin)
            out = {"texts": [judge(lambda t=t: json.loads(t)) for t in cases["texts"]],
                   "bytes": [judge(lambda b=b: json.loads(bytes.fromhex(b))) for b in cases["bytes"]]}
            print(json.dumps(out))
            """;

    /** Documents given to both sides as text (our String path, Python's json.loads(str)). */
    private static final List<String> TEXTS = List.of(
            "{\"a\": [\"\\u0062\"], \"b\": []}",
            "{\"a\\/b\": [], \"c\": [\"a/b\"], \"\\\"q\\\"\": [\"\\\\\"]}",
            "{\"\\ud83d\\ude00\": [\"x\", \"\\uD83D\\uDE00y\"]}",
            "{\"\\ud800\": [\"\\udc00\"], \"\\ud800\\udc00\": [\"\\ud800\"]}",
            "{\"a\": [\"\\ud800x\", \"\\udfff\\ud800\", \"\\ud800\\ud800\\udc00\"]}",
            "{\"k\": [\"é\", \"e\\u0301\", \"\\u00E9\"], \"\\u00e9\": []}",
            "{\"\\u0000\": [\"\\t\\n\\r\\b\\f\", \"\\u001f\"]}",
            "{\"a\": [\"x\"], \"b\": [], \"a\": [\"y\"]}",
            "{\"a\": [\"x\"], \"b\": [\"a\"], \"a\": [\"y\"], \"a\": []}",
            "{\"a\": [\"b\"], \"b\": [\"c\"], \"b\": []}",
            "  {\"a\" :[ \"b\" ,\"c\" ] ,\r\n\t\"c\":[]}  \n",
            "{\"日本\": [\"語\", \"\\u8a9e\"], \"z\": [\"\\ud834\\udd1e\", \"𝄞\"]}",
            "{}",
            "{\"a\": [\"b\",]}",
            "{\"a\": [\"b\"],}",
            "{\"a\": [\"\\x\"]}",
            "{\"a\": [\"\\u12\"]}",
            "{\"a\": [\"\\u12g4\"]}",
            "{\"a\": [\"b\u0001\"]}",
            "{\"a\": [\"b\n\"]}",
            "{\"a\": []} x",
            "{\"a\": []} {}",
            "{'a': []}",
            "{\"a\": [] /* comment */}",
            "\uFEFF{\"a\": []}",
            "{\"a\": [\"b\"]",
            "{\"a\" [\"b\"]}",
            "{\"a\": [\"b\" \"c\"]}",
            "[",
            "",
            "   ",
            "{\"a\": [\"unterminated]}");

    /** Documents given to both sides as bytes (our stream path, Python's json.loads(bytes)), in hex. */
    private static final List<String> BYTES = List.of(
            "efbbbf" + hex("{\"a\": [\"b\"]}"),
            hex("{\"") + "eda080" + hex("\": [\"x\"]}"),
            hex("{\"") + "f09f9880" + hex("\": [], \"x\": [\"\\ud83d\\ude00\"]}"),
            hex("{\"") + "c080" + hex("\": []}"),
            hex("{\"") + "e08080" + hex("\": []}"),
            hex("{\"") + "f4908080" + hex("\": []}"),
            hex("{\"") + "ff" + hex("\": []}"),
            hex("{\"") + "c3" + hex("\": []}"),
            hex("{\"a\": [\"b\"]} ") + "c3a9",
            "fffe" + utf16le("{\"a\": [\"\\u00e9\", \"é\"]}"),
            utf16le("{\"a\": [\"b\"], \"b\": []}"),
            "7b0000002200000061000000220000003a0000005b0000005d0000007d000000");

    @Test
    void documents_load_or_fail_exactly_as_python_json_loads_and_give_graphlibs_names_and_order()
            throws Exception {
        // given
        PythonRunner.assumePython();
        GraphJsonReader reader = new GraphJsonReader();

        // when
        JsonNode python = PythonRunner.run(SCRIPT, Map.of("texts", TEXTS, "bytes", BYTES));

        // then
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            assertSame("text " + i + ": " + text, python.get("texts").get(i), () -> reader.readGraph(text));
            checked.add(text);
        }
        for (int i = 0; i < BYTES.size(); i++) {
            byte[] bytes = HexFormat.of().parseHex(BYTES.get(i));
            assertSame("bytes " + i + ": " + BYTES.get(i), python.get("bytes").get(i),
                    () -> reader.readGraph(new ByteArrayInputStream(bytes)));
        }
        assertThat(checked).hasSize(TEXTS.size());
    }

    private interface Read {
        DependencyGraph read();
    }

    private static void assertSame(String what, JsonNode python, Read read) {
        Throwable error = catchThrowable(read::read);
        if (!python.get("ok").asBoolean()) {
            assertThat(error).as("%s: python says %s", what, python.get("error")).isInstanceOf(
                    GraphJsonSyntaxException.class);
            return;
        }
        assertThat(error).as(what).isNull();
        DependencyGraph graph = read.read();
        assertThat(graph.names()).as("names of %s", what).isEqualTo(strings(python.get("names")));
        assertThat(new OrderResolver().resolve(graph).order()).as("order of %s", what)
                .isEqualTo(strings(python.get("order")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String utf16le(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    }
}
