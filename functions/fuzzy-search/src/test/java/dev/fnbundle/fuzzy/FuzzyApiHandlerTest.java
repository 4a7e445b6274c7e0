package dev.fnbundle.fuzzy;

import static dev.fnbundle.common.testing.ProblemBodies.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.common.testing.OpenApiContract;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP contract of the fuzzy-search API, driven by the sample events in events/fuzzy-search and wired as in
 * production against DynamoDB Local and ElasticMQ provisioned from template.yaml. The catalogs "books" (the seed's
 * product titles) and "listings" (the seed's dedupe descriptions) are created from the sample events first.
 */
class FuzzyApiHandlerTest {
    private static FuzzyWiring wiring;
    private static FuzzyApiHandler handler;
    private static String importQueueUrl;
    private static final FakeLambdaContext CONTEXT = new FakeLambdaContext("fuzzy-api");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("FuzzyCatalogTable");
        importQueueUrl = aws.provisionQueue("FuzzyImportQueue");
        wiring = FuzzyWiring.from(Env.of(aws.functionEnvironment("FuzzyApiFunction")));
        handler = new FuzzyApiHandler(wiring);
        call(Events.api("catalogs-put.json"), 201);
        call(Events.api("catalogs-put.json", "books", "listings"), 201);
        call(Events.api("items-add-seed.json"), 200);
        call(Events.api("items-add-listings.json"), 200);
    }

    private static JsonNode call(APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = OpenApiContract.verified(event, handler.handleRequest(event, CONTEXT));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response.getBody() == null ? null : Json.parse(response.getBody());
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-levenshtein.json", type = APIGatewayV2HTTPEvent.class)
    void levenshtein_gives_textdistances_four_numbers_with_integral_distances(APIGatewayV2HTTPEvent event) {
        assertThat(Json.write(call(event, 200))).isEqualTo("{\"algorithm\":\"levenshtein\",\"distance\":2,"
                + "\"similarity\":4,\"normalizedDistance\":0.3333333333333333,"
                + "\"normalizedSimilarity\":0.6666666666666667}");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-jaro-winkler.json", type = APIGatewayV2HTTPEvent.class)
    void jaro_winkler_gives_textdistances_value_for_the_seeds_name_pair(APIGatewayV2HTTPEvent event) {
        // textdistance 4.6 computes 0.9666...; the tutorial prints an illustrative 0.958.
        assertThat(call(event, 200).get("normalizedSimilarity").asDouble()).isEqualTo(0.9666666666666666);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-jaccard-words.json", type = APIGatewayV2HTTPEvent.class)
    void qval_zero_compares_whitespace_separated_words(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.get("similarity").asDouble()).isEqualTo(0.75);
        assertThat(body.get("distance").isFloatingPointNumber()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-unknown-algorithm.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_algorithm_is_a_400_listing_the_valid_ones_and_their_limits(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactly("algorithm");
        assertThat(problem.get("validNames")).hasSize(13);
        assertThat(problem.get("validNames").get(1).asText()).isEqualTo("levenshtein");
        assertThat(problem.get("maxInputLength").get("hamming").asInt()).isEqualTo(100_000);
        assertThat(problem.get("maxInputLength").get("levenshtein").asInt()).isEqualTo(2_000);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-unsupported-option.json", type = APIGatewayV2HTTPEvent.class)
    void an_option_the_algorithm_lacks_is_a_400_even_at_its_default_value(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactly("asSet");
        assertThat(problem.get("algorithm").asText()).isEqualTo("levenshtein");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void every_malformed_member_is_reported_in_one_400(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(event, 400))).containsExactlyInAnyOrder("qvall", "b", "qval");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-too-long.json", type = APIGatewayV2HTTPEvent.class)
    void a_text_over_the_algorithms_limit_is_a_413_stating_it(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 413);

        assertThat(problem.get("limit").asInt()).isEqualTo(2_000);
        assertThat(problem.get("length").asInt()).isEqualTo(2_002);
        assertThat(problem.get("field").asText()).isEqualTo("a");
        assertThat(problem.get("detail").asText()).contains("damerau_levenshtein compares texts of at most 2000");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-undefined.json", type = APIGatewayV2HTTPEvent.class)
    void a_similarity_textdistance_cannot_compute_is_a_422(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 422).get("type").asText()).isEqualTo("urn:fnbundle:problem:undefined-similarity");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/similarity-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("type").asText()).isEqualTo("urn:fnbundle:problem:malformed-json");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/phonetic-soundex.json", type = APIGatewayV2HTTPEvent.class)
    void soundex_codes_robert_as_r163(APIGatewayV2HTTPEvent event) {
        assertThat(Json.write(call(event, 200))).isEqualTo("{\"algorithm\":\"soundex\",\"code\":\"R163\"}");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/phonetic-metaphone.json", type = APIGatewayV2HTTPEvent.class)
    void metaphone_drops_the_silent_k(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 200).get("code").asText()).isEqualTo("NT");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/phonetic-unknown-algorithm.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_phonetic_algorithm_lists_the_four_valid_ones(APIGatewayV2HTTPEvent event) {
        assertThat(Json.write(call(event, 400).get("validNames")))
                .isEqualTo("[\"soundex\",\"metaphone\",\"nysiis\",\"match_rating_codex\"]");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/phonetic-match-rating-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void the_match_rating_codex_refuses_digits_with_a_422(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 422).get("field").asText()).isEqualTo("text");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/catalogs-put.json", type = APIGatewayV2HTTPEvent.class)
    void put_creates_a_catalog_with_201_then_replaces_its_settings_with_200(APIGatewayV2HTTPEvent event) {
        String name = "put-" + UUID.randomUUID().toString().substring(0, 8);
        Events.rename(event, "books", name);

        APIGatewayV2HTTPResponse created = OpenApiContract.verified(event, handler.handleRequest(event, CONTEXT));
        event.setBody("{\"settings\": {\"threshold\": 0.6}}");
        JsonNode updated = call(event, 200);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("location", "/catalogs/" + name);
        assertThat(Json.parse(created.getBody()).get("settings").get("ranker").asText()).isEqualTo("seed");
        assertThat(Json.write(updated.get("settings")))
                .isEqualTo("{\"ranker\":\"default\",\"threshold\":0.6,\"limit\":3}");
        assertThat(updated.get("version").asLong()).isZero();
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/catalogs-put-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void an_invalid_catalog_name_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(event, 400))).containsExactly("name");
        event.setPathParameters(Map.of("name", "fine-name"));
        event.setRawPath("/catalogs/fine-name");
        assertThat(fields(call(event, 400))).containsExactly("settings.ranker", "settings.threshold");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/catalogs-get.json", type = APIGatewayV2HTTPEvent.class)
    void get_shows_the_header_with_version_and_item_count(APIGatewayV2HTTPEvent event) {
        JsonNode catalog = call(event, 200);

        assertThat(catalog.get("name").asText()).isEqualTo("books");
        assertThat(catalog.get("itemCount").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(catalog.get("version").asLong()).isPositive();
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/search-seed.json", type = APIGatewayV2HTTPEvent.class)
    void the_seed_ranker_gives_the_issues_figures_for_pythn_programming(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.get("ranker").asText()).isEqualTo("seed");
        assertThat(body.get("results")).hasSize(2);
        assertThat(body.get("results").get(0).get("text").asText()).isEqualTo("Python Programming Complete Guide");
        assertThat(body.get("results").get(0).get("score").asDouble()).isEqualTo(0.6973262032085561);
        assertThat(body.get("results").get(1).get("text").asText()).isEqualTo("Learning JavaScript for Beginners");
        assertThat(body.get("results").get(1).get("score").asDouble()).isEqualTo(0.4273540357131688);
        assertThat(Json.write(body.get("results").get(0).get("fields"))).isEqualTo("{\"format\":\"ebook\"}");
        assertThat(body.has("didYouMean")).isFalse();
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/search-default.json", type = APIGatewayV2HTTPEvent.class)
    void the_default_ranker_tolerates_typos_per_word(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.get("limit").asInt()).isEqualTo(2);
        assertThat(body.get("results").get(0).get("id").asText()).isEqualTo("book-4");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/search-did-you-mean.json", type = APIGatewayV2HTTPEvent.class)
    void when_nothing_passes_the_threshold_a_correction_is_offered(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.get("results")).isEmpty();
        assertThat(body.get("didYouMean").asText()).isEqualTo("kubernetes");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/search-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void every_invalid_search_parameter_is_reported_with_the_valid_rankers(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactly("q", "limit", "threshold", "ranker");
        assertThat(Json.write(problem.get("validNames"))).isEqualTo("[\"seed\",\"default\"]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=abc            | limit     | must be an integer",
        "limit=99999999999    | limit     | must be between 1 and 100",
        "threshold=NaN        | threshold | must be a number",
        "threshold=0x1p-1     | threshold | must be a number",
        "threshold=-0.1       | threshold | must be between 0 and 1",
        "                     | q         | is required"})
    void malformed_search_parameters_are_400s_naming_the_parameter(String parameter, String field, String detail) {
        var query = new HashMap<String, String>();
        if (parameter != null) {
            query.put("q", "python");
            query.put(parameter.substring(0, parameter.indexOf('=')), parameter.substring(parameter.indexOf('=') + 1));
        }
        var event = ApiEvents.withQuery(ApiEvents.request("GET /catalogs/{name}/search", "/catalogs/books/search",
                null), query);
        event.setPathParameters(Map.of("name", "books"));

        JsonNode error = call(event, 400).get("errors").get(0);

        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void the_query_is_trimmed_before_it_is_searched() {
        var event = ApiEvents.withQuery(ApiEvents.request("GET /catalogs/{name}/search", "/catalogs/books/search",
                null), Map.of("q", "  pythn programming  ", "ranker", "seed"));
        event.setPathParameters(Map.of("name", "books"));

        JsonNode body = call(event, 200);

        assertThat(body.get("query").asText()).isEqualTo("pythn programming");
        assertThat(body.get("results").get(0).get("score").asDouble()).isEqualTo(0.6973262032085561);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/search-too-long.json", type = APIGatewayV2HTTPEvent.class)
    void a_query_over_256_characters_is_a_400(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(problem.get("errors").get(0).get("detail").asText()).contains("256");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/search-unknown-catalog.json", type = APIGatewayV2HTTPEvent.class)
    void searching_an_unknown_catalog_is_a_404(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("detail").asText()).startsWith("no catalog no-such-catalog");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-add-seed.json", type = APIGatewayV2HTTPEvent.class)
    void adding_the_same_items_again_changes_nothing_and_keeps_the_version(APIGatewayV2HTTPEvent event) {
        long before = wiring.catalogs().header("books").version();

        JsonNode body = call(event, 200);

        assertThat(body.get("added").asInt() + body.get("unchanged").asInt()).isEqualTo(8);
        assertThat(body.get("replaced").asInt()).isZero();
        assertThat(body.get("version").asLong()).isEqualTo(body.get("added").asInt() == 0 ? before : before + 1);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-add-duplicate-ids.json", type = APIGatewayV2HTTPEvent.class)
    void a_batch_repeating_an_id_is_a_409_naming_both_positions(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 409);

        assertThat(problem.get("firstIndex").asInt()).isZero();
        assertThat(problem.get("secondIndex").asInt()).isEqualTo(2);
        assertThat(fields(problem)).containsExactly("items[2].id");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-add-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void every_invalid_item_field_is_reported_in_one_400(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(event, 400))).containsExactly("items[0].id", "items[1].text", "items[2].fields",
                "items[3]", "items[4].id");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-add-too-many.json", type = APIGatewayV2HTTPEvent.class)
    void over_1000_items_is_a_413_that_points_to_the_importer(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 413);

        assertThat(problem.get("limit").asInt()).isEqualTo(1_000);
        assertThat(problem.get("size").asInt()).isEqualTo(1_001);
        assertThat(problem.get("importQueueUrl").asText()).isEqualTo(importQueueUrl);
        assertThat(problem.get("detail").asText()).contains("/catalogs/{name}/imports")
                .contains("aws sqs send-message --queue-url " + importQueueUrl);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-add-unknown-catalog.json", type = APIGatewayV2HTTPEvent.class)
    void adding_to_an_unknown_catalog_is_a_404(APIGatewayV2HTTPEvent event) {
        call(event, 404);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-delete.json", type = APIGatewayV2HTTPEvent.class)
    void delete_removes_an_item_once_and_then_it_is_a_404(APIGatewayV2HTTPEvent event) {
        long before = wiring.catalogs().header("books").version();

        call(event, 204);
        JsonNode again = call(event, 404);

        assertThat(wiring.catalogs().header("books").version()).isEqualTo(before + 1);
        assertThat(again.get("id").asText()).isEqualTo("book-8");
        wiring.catalogs().addItems("books", List.of(new CatalogEntry("book-8", "React Frontend Development",
                "{\"format\":\"ebook\"}")));
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/items-delete-missing.json", type = APIGatewayV2HTTPEvent.class)
    void deleting_an_item_that_never_existed_is_a_404(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("detail").asText()).isEqualTo("catalog books has no item with that id");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/imports-start.json", type = APIGatewayV2HTTPEvent.class)
    void a_large_import_is_split_into_queue_messages_the_importer_applies(APIGatewayV2HTTPEvent event) {
        String name = "imports-" + UUID.randomUUID().toString().substring(0, 8);
        wiring.catalogs().put(name, CatalogSettings.DEFAULTS);
        Events.rename(event, "books", name);

        JsonNode receipt = call(event, 202);
        var worker = new ImportWorker(wiring.imports());
        var sizes = new ArrayList<Integer>();
        for (String body : Events.drain(importQueueUrl, name)) {
            sizes.add(Json.parse(body).get("items").size());
            worker.handle(body);
        }

        assertThat(receipt.get("items").asInt()).isEqualTo(1_500);
        assertThat(receipt.get("messages").asInt()).isEqualTo(2);
        assertThat(sizes).containsExactlyInAnyOrder(1_000, 500);
        assertThat(wiring.catalogs().header(name).itemCount()).isEqualTo(1_500);
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/duplicates.json", type = APIGatewayV2HTTPEvent.class)
    void duplicates_pair_the_reordered_listing_like_the_seeds_jaccard_example(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.get("totalPairs").asInt()).isEqualTo(1);
        JsonNode pair = body.get("pairs").get(0);
        assertThat(pair.get("firstId").asText()).isEqualTo("listing-1");
        assertThat(pair.get("secondId").asText()).isEqualTo("listing-2");
        assertThat(pair.get("score").asDouble()).isEqualTo(0.9622641509433962);
        assertThat(pair.get("secondText").asText()).isEqualTo("Complete Python programming guide for beginners 2024");
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/duplicates-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_duplicate_parameters_are_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(event, 400))).containsExactly("limit", "ignoreCase");
        event.setBody("{\"threshold\": 0}");
        assertThat(fields(call(event, 400))).containsExactly("threshold");
    }

    @Test
    void a_path_the_api_does_not_have_is_a_404_and_a_wrong_method_a_405() {
        call(ApiEvents.request("GET /catalogs/{name}/nothing", "/catalogs/books/nothing", null), 404);
        call(ApiEvents.request("PATCH /catalogs/{name}", "/catalogs/books", "{}"), 405);
    }

    @Test
    void the_handler_answers_exactly_the_routes_the_template_gives_it() {
        var templateRoutes = LocalAws.shared().model().functions().get("FuzzyApiFunction")
                .events(EventSpec.HttpApiRoute.class).stream().map(EventSpec.HttpApiRoute::routeKey).sorted().toList();

        assertThat(handler.router().routeKeys()).isEqualTo(templateRoutes);
    }
}
