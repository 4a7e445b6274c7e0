package dev.fnbundle.local;

import static dev.fnbundle.local.BundleStack.await;
import static dev.fnbundle.local.BundleStack.call;
import static dev.fnbundle.local.BundleStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fuzzy search through the local runtime: the HTTP API behind the JWT authorizer, the catalog table, the import
 * queue (whose URL the template outputs) and its consumer, with the seed tutorial's catalog and figures.
 */
class FuzzySearchEndToEndTest {
    private static final List<String> SEED_TITLES = List.of("Python Programming Complete Guide",
            "Learning JavaScript for Beginners", "Data Science with Pandas and NumPy",
            "Machine Learning Fundamentals", "Web Development with Flask", "Advanced SQL Database Design",
            "Docker and Kubernetes DevOps", "React Frontend Development");
    private final String catalog = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_catalog_is_searched_imported_into_through_the_queue_pruned_and_deduplicated() {
        assertThat(call("PUT", "/catalogs/" + catalog, "{\"settings\": {\"ranker\": \"seed\"}}").statusCode())
                .isEqualTo(201);
        var added = call("POST", "/catalogs/" + catalog + "/items", items(SEED_TITLES, "book-"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).get("added").asInt()).isEqualTo(8);

        JsonNode seed = search("pythn programming", "&ranker=seed");
        assertThat(rounded(seed)).containsExactly("0.697 Python Programming Complete Guide",
                "0.427 Learning JavaScript for Beginners");
        assertThat(seed.has("didYouMean")).isFalse();

        long version = catalogVersion();
        String queueUrl = BundleStack.shared().model().outputs().get("FuzzyImportQueueUrl");
        BundleStack.shared().aws().sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"catalog\": \""
                + catalog + "\", \"items\": [{\"id\": \"rust-1\", \"text\": \"Rust Programming Essentials\"},"
                + " {\"id\": \"go-1\", \"text\": \"Go Concurrency in Practice\"}]}"));
        await("the queued import to bump the catalog's version", () -> catalogVersion() > version);
        assertThat(ids(search("rust programing", "&ranker=default"))).startsWith("rust-1");

        assertThat(call("DELETE", "/catalogs/" + catalog + "/items/book-1", null).statusCode()).isEqualTo(204);
        // The catalog's settings make the seed ranker the default; the imported titles rank, the deleted one not.
        assertThat(rounded(search("pythn programming", ""))).containsExactly("0.576 Rust Programming Essentials",
                "0.478 Go Concurrency in Practice", "0.427 Learning JavaScript for Beginners");
        assertThat(call("DELETE", "/catalogs/" + catalog + "/items/book-1", null).statusCode()).isEqualTo(404);

        call("POST", "/catalogs/" + catalog + "/items", items(List.of(
                "Python programming for beginners complete guide 2024",
                "Complete Python programming guide for beginners 2024",
                "Java programming for beginners complete guide 2024"), "listing-"));
        var duplicates = call("POST", "/catalogs/" + catalog + "/duplicates", "{\"threshold\": 0.9}");
        assertThat(duplicates.statusCode()).as(duplicates.body()).isEqualTo(200);
        JsonNode pair = json(duplicates).get("pairs").get(0);
        assertThat(json(duplicates).get("totalPairs").asInt()).isEqualTo(1);
        assertThat(pair.get("firstId").asText() + "/" + pair.get("secondId").asText())
                .isEqualTo("listing-1/listing-2");
    }

    @Test
    void a_large_import_goes_through_the_imports_endpoint_and_a_too_large_batch_points_there() {
        call("PUT", "/catalogs/" + catalog, null);
        var titles = new ArrayList<String>();
        for (int i = 0; i < 1_200; i++) {
            titles.add("Volume " + i + " of the Collected Works");
        }

        var refused = call("POST", "/catalogs/" + catalog + "/items", items(titles, "vol-"));
        var accepted = call("POST", "/catalogs/" + catalog + "/imports", items(titles, "vol-"));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).get("importQueueUrl").asText())
                .isEqualTo(BundleStack.shared().model().outputs().get("FuzzyImportQueueUrl"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted).get("messages").asInt()).isEqualTo(2);
        await("both import messages to be applied", () -> json(call("GET", "/catalogs/" + catalog, null))
                .get("itemCount").asInt() == 1_200);
        assertThat(ids(search("volume 1199", "&limit=1"))).containsExactly("vol-1200");
    }

    @Test
    void similarity_and_phonetic_codes_answer_with_textdistances_numbers_and_bad_input_is_a_400() {
        var similarity = call("POST", "/similarity", "{\"a\": \"python\", \"b\": \"pyhton\", \"algorithm\":"
                + " \"damerau_levenshtein\"}");
        var unknown = call("POST", "/similarity", "{\"a\": \"a\", \"b\": \"b\", \"algorithm\": \"levenstein\"}");
        var phonetic = call("POST", "/phonetic", "{\"text\": \"Tymczak\", \"algorithm\": \"soundex\"}");
        var emptyQuery = call("GET", "/catalogs/" + catalog + "/search?q=%20", null);

        assertThat(similarity.statusCode()).isEqualTo(200);
        assertThat(json(similarity).get("distance").asInt()).isEqualTo(1);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("validNames").toString()).contains("\"levenshtein\"");
        assertThat(json(phonetic).get("code").asText()).isEqualTo("T522");
        assertThat(emptyQuery.statusCode()).isEqualTo(400);
        assertThat(call("POST", "/similarity", "{}", null).statusCode()).isEqualTo(401);
    }

    private JsonNode search(String q, String parameters) {
        var response = call("GET", "/catalogs/" + catalog + "/search?q=" + URLEncoder.encode(q,
                StandardCharsets.UTF_8) + parameters, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private long catalogVersion() {
        return json(call("GET", "/catalogs/" + catalog, null)).get("version").asLong();
    }

    private static String items(List<String> titles, String idPrefix) {
        var body = new StringBuilder("{\"items\": [");
        for (int i = 0; i < titles.size(); i++) {
            body.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(idPrefix).append(i + 1)
                    .append("\", \"text\": \"").append(titles.get(i)).append("\"}");
        }
        return body.append("]}").toString();
    }

    private static List<String> rounded(JsonNode search) {
        var out = new ArrayList<String>();
        search.get("results").forEach(r -> out.add(String.format(Locale.ROOT, "%.3f %s", r.get("score").asDouble(),
                r.get("text").asText())));
        return out;
    }

    private static List<String> ids(JsonNode search) {
        var out = new ArrayList<String>();
        search.get("results").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }
}
