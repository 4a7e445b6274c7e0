package dev.fnbundle.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.fetch.HostResolver;
import dev.fnbundle.common.fetch.SsrfGuard;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.page.DynamoPageKeyStore;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.common.testing.OpenApiContract;
import dev.fnbundle.common.testing.PageTokenForgery;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.rss.aws.DynamoEntryStore;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.model.Entry;
import dev.fnbundle.rss.parse.FeedParser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The HTTP contract of the RSS ingestor, driven by the sample events in events/rss-ingestor and wired as in
 * production against DynamoDB Local provisioned from template.yaml, with the function's template environment
 * (loopback fetching off). DNS is replaced by a fixed table so URL checks do not depend on the network.
 */
class RssApiHandlerTest {
    private static final String EXAMPLE_ID = "09f492bf54c7b376879400bd";
    private static final HostResolver DNS = host -> switch (host) {
        case "www.example.com" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184,
                (byte) 215, 14})};
        case "internal.example.com" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 20, 30,
                40})};
        default -> throw new UnknownHostException(host);
    };
    private static final Instant SINCE = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static RssApiHandler handler;
    private static RssConfig config;
    private static DynamoEntryStore entries;
    private final FakeLambdaContext context = new FakeLambdaContext("rss-api");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("FeedsTable");
        aws.provisionTable("FeedEntriesTable");
        config = RssConfig.from(Env.of(aws.functionEnvironment("RssApiFunction")));
        assertThat(config.allowLoopbackFetch()).as("the template's default").isFalse();
        var feeds = RssWiring.feeds(config, aws.dynamoDb(), new SsrfGuard(config.allowLoopbackFetch(), DNS),
                Clock.systemUTC());
        handler = new RssApiHandler(feeds, new FeedParser(), Clock.systemUTC());
        entries = new DynamoEntryStore(aws.dynamoDb(), config.entriesTable(), config.feedsTable(),
                RssWiring.pageTokens(config, aws.dynamoDb(), Clock.systemUTC()));
    }

    private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = OpenApiContract.verified(event, handler.handleRequest(event, context));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response;
    }

    private JsonNode call(APIGatewayV2HTTPEvent event, int expectedStatus) {
        var response = respond(event, expectedStatus);
        return response.getBody() == null ? null : Json.parse(response.getBody());
    }

    private static List<String> codes(JsonNode warnings) {
        var codes = new ArrayList<String>();
        warnings.forEach(w -> codes.add(w.get("code").asText()));
        return codes;
    }

    private static APIGatewayV2HTTPEvent subscription(String url) {
        return ApiEvents.request("POST /feeds", "/feeds", "{\"url\": \"" + url + "\"}");
    }

    /** The feed of the sample events, with their title; 201 or 200 depending on which test ran first. */
    private APIGatewayV2HTTPResponse subscribeExample() {
        var response = OpenApiContract.checked(handler).handleRequest(ApiEvents.request("POST /feeds", "/feeds",
                "{\"url\": \"https://www.example.com/feed.xml\", \"title\": \"Example\"}"), context);
        assertThat(response.getStatusCode()).as(response.getBody()).isIn(200, 201);
        return response;
    }

    private static APIGatewayV2HTTPEvent withId(String routeKey, String path, String id) {
        var event = ApiEvents.request(routeKey, path.replace("{id}", id), null);
        event.setPathParameters(Map.of("id", id));
        return event;
    }

    private void storeEntries(String feedId, int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var batch = new ArrayList<StoredEntry>();
        for (int i = 1; i <= count; i++) {
            batch.add(StoredEntry.of(feedId, new Entry("guid-" + i, "Entry " + i, "https://www.example.com/" + i,
                    Instant.parse("2026-11-0" + i + "T08:00:00Z"), null, null, "summary", null, List.of(),
                    List.of()), now, 0));
        }
        entries.storeNew(feedId, batch);
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-rss.json", type = APIGatewayV2HTTPEvent.class)
    void a_posted_feed_is_answered_normalized_with_links_resolved_against_the_base(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.at("/feed/title").asText()).isEqualTo("Python Tutorials");
        assertThat(body.at("/feed/format").asText()).isEqualTo("RSS_2_0");
        assertThat(body.get("entryCount").asInt()).isEqualTo(2);
        assertThat(body.get("truncated").asBoolean()).isFalse();
        JsonNode first = body.at("/entries/0");
        assertThat(first.get("id").asText()).isEqualTo("tutorial-4021");
        assertThat(first.get("summary").asText()).isEqualTo("XML is everywhere you do not want it to be.");
        assertThat(first.get("published").asText()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(first.get("author").asText()).isEqualTo("Ada");
        assertThat(body.at("/entries/1/link").asText()).isEqualTo("https://tutorials.example.com/stamina");
        assertThat(body.at("/entries/1/enclosures/0/length").asLong()).isEqualTo(1234);
        assertThat(body.get("warnings")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-atom.json", type = APIGatewayV2HTTPEvent.class)
    void an_atom_feed_is_read_into_the_same_model(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.at("/feed/format").asText()).isEqualTo("ATOM_1_0");
        assertThat(body.at("/entries/0/link").asText()).isEqualTo("https://atom.example.com/2026/11/24/robots");
        assertThat(body.at("/entries/0/updated").asText()).isEqualTo("2026-11-24T18:30:02Z");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-tolerated.json", type = APIGatewayV2HTTPEvent.class)
    void tolerable_defects_are_read_leniently_and_reported_as_warnings(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.at("/feed/title").asText()).startsWith("Tom & Jerry").endsWith("News");
        assertThat(body.at("/entries/0/title").asText()).isEqualTo("AT&T \u2014 deals");
        assertThat(body.at("/entries/0/published").isNull()).isTrue();
        assertThat(codes(body.get("warnings"))).contains("html_entity", "bare_ampersand", "bad_date");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-xxe.json", type = APIGatewayV2HTTPEvent.class)
    void an_external_entity_is_never_resolved(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.at("/feed/title").asText()).isEqualTo("XXE &xxe; end");
        assertThat(body.toString()).doesNotContain("root:");
        assertThat(codes(body.get("warnings"))).contains("doctype_ignored");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-billion-laughs.json", type = APIGatewayV2HTTPEvent.class)
    void billion_laughs_is_answered_without_expanding_anything(APIGatewayV2HTTPEvent event) {
        var response = respond(event, 200);

        assertThat(response.getBody().length()).isLessThan(2000);
        assertThat(Json.parse(response.getBody()).at("/feed/title").asText()).isEqualTo("&lol9;");
        assertThat(codes(Json.parse(response.getBody()).get("warnings"))).contains("doctype_ignored");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-latin1.json", type = APIGatewayV2HTTPEvent.class)
    void a_base64_body_in_its_declared_encoding_is_decoded(APIGatewayV2HTTPEvent event) {
        JsonNode body = call(event, 200);

        assertThat(body.at("/feed/title").asText()).isEqualTo("Caf\u00e9 cr\u00e8me");
        assertThat(body.at("/entries/0/title").asText()).isEqualTo("Cr\u00e8me br\u00fbl\u00e9e");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-html.json", type = APIGatewayV2HTTPEvent.class)
    void an_html_page_is_a_422_saying_so(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        assertThat(problem.get("type").asText()).isEqualTo("urn:fnbundle:problem:unreadable-feed");
        assertThat(problem.get("reason").asText()).isEqualTo("html_page");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-not-xml.json", type = APIGatewayV2HTTPEvent.class)
    void json_is_a_422_not_xml(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 422).get("reason").asText()).isEqualTo("not_xml");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-not-a-feed.json", type = APIGatewayV2HTTPEvent.class)
    void other_xml_is_a_422_not_a_feed(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 422).get("reason").asText()).isEqualTo("not_a_feed");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-truncated.json", type = APIGatewayV2HTTPEvent.class)
    void a_truncated_document_is_a_422_with_the_line_where_it_ends(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 422);

        assertThat(problem.get("reason").asText()).isEqualTo("truncated");
        assertThat(problem.get("line").asInt()).isGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-wrong-encoding.json", type = APIGatewayV2HTTPEvent.class)
    void bytes_invalid_in_the_declared_encoding_are_a_422(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 422).get("reason").asText()).isEqualTo("encoding");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-empty.json", type = APIGatewayV2HTTPEvent.class)
    void an_empty_body_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).at("/errors/0/field").asText()).isEqualTo("body");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/parse-bad-limit.json", type = APIGatewayV2HTTPEvent.class)
    void an_out_of_range_limit_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @Test
    void a_feed_larger_than_a_lambda_request_is_a_413_before_parsing() {
        String huge = "<rss><channel>" + "<item><title>x</title></item>".repeat(220_000) + "</channel></rss>";
        var event = ApiEvents.request("POST /feeds/parse", "/feeds/parse", huge);

        assertThat(call(event, 413).get("limit").asInt()).isEqualTo(RssApiHandler.MAX_FEED_BYTES);
    }

    @Test
    void nesting_deeper_than_the_parser_allows_is_a_413_limit_exceeded() {
        String deep = "<rss><channel><item><description>" + "<x>".repeat(100) + "</x>".repeat(100)
                + "</description></item></channel></rss>";

        JsonNode problem = call(ApiEvents.request("POST /feeds/parse", "/feeds/parse", deep), 413);

        assertThat(problem.get("reason").asText()).isEqualTo("limit_exceeded");
        assertThat(problem.get("type").asText()).isEqualTo("urn:fnbundle:problem:feed-limit-exceeded");
    }

    @Test
    void a_preview_lists_at_most_the_entries_asked_for() {
        String feed = "<rss><channel><title>Many</title>" + "<item><title>x</title></item>".repeat(30)
                + "</channel></rss>";
        var event = ApiEvents.withQuery(ApiEvents.request("POST /feeds/parse", "/feeds/parse", feed),
                Map.of("limit", "10"));

        JsonNode body = call(event, 200);

        assertThat(body.get("entries")).hasSize(10);
        assertThat(body.get("truncated").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe.json", type = APIGatewayV2HTTPEvent.class)
    void subscribing_normalizes_the_url_and_subscribing_it_again_answers_the_same_feed(APIGatewayV2HTTPEvent event) {
        var first = OpenApiContract.verified(event, handler.handleRequest(event, context));
        var again = respond(event, 200);

        assertThat(first.getStatusCode()).isIn(200, 201);
        JsonNode feed = Json.parse(again.getBody());
        assertThat(feed.get("id").asText()).isEqualTo(EXAMPLE_ID);
        assertThat(feed.get("url").asText()).isEqualTo("https://www.example.com/feed.xml");
        assertThat(feed.get("title").asText()).isEqualTo("Example");
        assertThat(feed.at("/fetch/status").asText()).isEqualTo("pending");
        assertThat(again.getHeaders()).containsEntry("content-location", "/feeds/" + EXAMPLE_ID);
    }

    @Test
    void a_new_url_is_a_201_with_its_location() {
        var created = respond(subscription("https://www.example.com/" + UUID.randomUUID() + ".xml"), 201);

        String id = Json.parse(created.getBody()).get("id").asText();
        assertThat(created.getHeaders()).containsEntry("location", "/feeds/" + id);
        assertThat(call(withId("GET /feeds/{id}", "/feeds/{id}", id), 200).get("id").asText()).isEqualTo(id);
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-private.json", type = APIGatewayV2HTTPEvent.class)
    void a_private_address_is_a_400_that_says_why(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("url");
        assertThat(problem.at("/errors/0/detail").asText()).contains("private address");
        assertThat(problem.get("why").asText()).isEqualTo("forbidden_address");
        assertThat(problem.get("category").asText()).isEqualTo("private");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-metadata.json", type = APIGatewayV2HTTPEvent.class)
    void the_cloud_metadata_address_is_refused_as_link_local(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("category").asText()).isEqualTo("link_local");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-rebinding.json", type = APIGatewayV2HTTPEvent.class)
    void a_name_that_resolves_to_a_private_address_is_refused(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(problem.get("category").asText()).isEqualTo("private");
        assertThat(problem.at("/errors/0/detail").asText()).contains("internal.example.com");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-loopback.json", type = APIGatewayV2HTTPEvent.class)
    void loopback_is_refused_unless_the_deployment_allows_it(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("category").asText()).isEqualTo("loopback");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-scheme.json", type = APIGatewayV2HTTPEvent.class)
    void a_file_url_is_refused_for_its_scheme(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("why").asText()).isEqualTo("scheme");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-port.json", type = APIGatewayV2HTTPEvent.class)
    void a_privileged_port_is_refused(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(problem.get("why").asText()).isEqualTo("port");
        assertThat(problem.at("/errors/0/detail").asText()).contains("25");
    }

    @Test
    void a_host_that_does_not_resolve_is_a_400() {
        JsonNode problem = call(subscription("https://nowhere.invalid/feed.xml"), 400);

        assertThat(problem.get("why").asText()).isEqualTo("unknown_host");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-not-a-url.json", type = APIGatewayV2HTTPEvent.class)
    void text_that_is_not_a_url_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).at("/errors/0/field").asText()).isEqualTo("url");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void wrong_types_are_a_400_naming_every_field(APIGatewayV2HTTPEvent event) {
        var fields = new ArrayList<String>();
        call(event, 400).get("errors").forEach(e -> fields.add(e.get("field").asText()));

        assertThat(fields).containsExactlyInAnyOrder("url", "title");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/subscribe-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("type").asText()).isEqualTo("urn:fnbundle:problem:malformed-json");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-list.json", type = APIGatewayV2HTTPEvent.class)
    void subscriptions_are_listed_page_by_page(APIGatewayV2HTTPEvent event) {
        respond(subscription("https://www.example.com/listed-" + UUID.randomUUID() + ".xml"), 201);

        JsonNode body = call(event, 200);

        assertThat(body.get("feeds").size()).isBetween(1, 10);
        assertThat(body.has("nextToken")).isTrue();
        assertThat(body.at("/feeds/0/fetch/nextAttemptAt").isTextual()).isTrue();
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-list-bad-limit.json", type = APIGatewayV2HTTPEvent.class)
    void a_limit_that_is_not_a_number_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).at("/errors/0/field").asText()).isEqualTo("limit");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-list-bad-token.json", type = APIGatewayV2HTTPEvent.class)
    void a_forged_token_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).at("/errors/0/field").asText()).isEqualTo("nextToken");
    }

    /** Each list endpoint with a token; {@code items} lists since {@link #SINCE}. */
    private static APIGatewayV2HTTPEvent list(String list, String token) {
        var query = new HashMap<String, String>();
        query.put("nextToken", token);
        APIGatewayV2HTTPEvent event = switch (list) {
            case "feeds" -> ApiEvents.request("GET /feeds", "/feeds", null);
            case "feed-items" -> withId("GET /feeds/{id}/items", "/feeds/{id}/items", EXAMPLE_ID);
            default -> {
                query.put("since", SINCE.toString());
                yield ApiEvents.request("GET /items", "/items", null);
            }
        };
        return ApiEvents.withQuery(event, query);
    }

    /** The scope each list binds its tokens to. */
    private static String scope(String list) {
        return switch (list) {
            case "feeds" -> "feeds";
            case "feed-items" -> "feed-items#" + EXAMPLE_ID;
            default -> "items#" + SINCE;
        };
    }

    private void assertRefusedToken(String list, String token) {
        subscribeExample();
        JsonNode problem = call(list(list, token), 400);
        assertThat(problem.at("/errors/0/field").asText()).as(list).isEqualTo("nextToken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds", "feed-items", "items"})
    void a_forged_token_with_valid_json_and_a_made_up_signature_is_a_400(String list) {
        assertRefusedToken(list, PageTokenForgery.wrongMac(scope(list),
                "{\"pk\":{\"S\":\"FEED#x\"},\"sk\":{\"S\":\"#FEED\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds", "feed-items", "items"})
    void an_unsigned_hand_made_token_is_a_400(String list) {
        assertRefusedToken(list, PageTokenForgery.unsigned(scope(list), "{\"day\":{\"S\":\"0001-01-01\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds", "feed-items", "items"})
    void a_signed_token_of_another_list_is_a_400(String list) {
        String other = RssWiring.pageTokens(config, LocalAws.shared().dynamoDb(), Clock.systemUTC())
                .encode(list.equals("feeds") ? "feed-items#" + EXAMPLE_ID : "feeds",
                        Map.of("pk", AttributeValue.fromS("FEED#x"), "sk", AttributeValue.fromS("#FEED")));

        assertRefusedToken(list, other);
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds", "feed-items", "items"})
    void garbage_tokens_are_a_400_never_a_500(String list) {
        for (String garbage : PageTokenForgery.garbage()) {
            assertRefusedToken(list, garbage);
        }
    }

    @Test
    void a_signed_day_cursor_outside_the_lists_window_is_a_400_without_reading_a_single_day() {
        var tokens = RssWiring.pageTokens(config, LocalAws.shared().dynamoDb(), Clock.systemUTC());
        for (String day : new String[] {"0001-01-01", SINCE.minus(1, ChronoUnit.DAYS).toString().substring(0, 10),
            Instant.now().plus(2, ChronoUnit.DAYS).toString().substring(0, 10), "not-a-day"}) {
            assertRefusedToken("items", tokens.encode(scope("items"), Map.of("day", AttributeValue.fromS(day))));
        }
        assertRefusedToken("items", tokens.encode(scope("items"), Map.of("gsi1pk",
                AttributeValue.fromS("DAY#0001-01-01"), "gsi1sk", AttributeValue.fromS("x"), "pk",
                AttributeValue.fromS("x"), "sk", AttributeValue.fromS("x"))));
        assertRefusedToken("items", tokens.encode(scope("items"), Map.of("pk", AttributeValue.fromS("x"))));
    }

    @Test
    void a_token_signed_before_the_key_was_rotated_is_still_accepted() {
        respond(subscription("https://www.example.com/rotated-a-" + UUID.randomUUID() + ".xml"), 201);
        respond(subscription("https://www.example.com/rotated-b-" + UUID.randomUUID() + ".xml"), 201);
        String before = call(ApiEvents.withQuery(ApiEvents.request("GET /feeds", "/feeds", null),
                Map.of("limit", "1")), 200).get("nextToken").asText();

        // Another instance, a rotation period later, replaces the signing key; a new instance then starts.
        new DynamoPageKeyStore(LocalAws.shared().dynamoDb(), config.feedsTable(),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(31))).load();
        var restarted = new RssApiHandler(RssWiring.feeds(config, LocalAws.shared().dynamoDb(),
                new SsrfGuard(false, DNS), Clock.systemUTC()), new FeedParser(), Clock.systemUTC());
        var response = OpenApiContract.checked(restarted)
                .handleRequest(ApiEvents.withQuery(ApiEvents.request("GET /feeds", "/feeds", null),
                Map.of("limit", "1", "nextToken", before)), context);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        String after = Json.parse(response.getBody()).get("nextToken").asText();
        assertThat(after.substring(0, after.indexOf('.'))).as("signed by the new key")
                .isNotEqualTo(before.substring(0, before.indexOf('.')));
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-get.json", type = APIGatewayV2HTTPEvent.class)
    void a_subscription_shows_its_fetch_state(APIGatewayV2HTTPEvent event) {
        subscribeExample();

        JsonNode feed = call(event, 200);

        assertThat(feed.get("id").asText()).isEqualTo(EXAMPLE_ID);
        assertThat(feed.at("/fetch/errorCount").asInt()).isZero();
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-get-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_feed_is_a_404(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("type").asText()).isEqualTo("urn:fnbundle:problem:not-found");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-get-bad-id.json", type = APIGatewayV2HTTPEvent.class)
    void an_id_that_cannot_be_a_feed_is_a_404(APIGatewayV2HTTPEvent event) {
        call(event, 404);
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feed-items.json", type = APIGatewayV2HTTPEvent.class)
    void a_feeds_items_are_listed_newest_first_page_by_page(APIGatewayV2HTTPEvent event) {
        subscribeExample();
        storeEntries(EXAMPLE_ID, 3);

        JsonNode first = call(event, 200);
        var next = ApiEvents.withQuery(withId("GET /feeds/{id}/items", "/feeds/{id}/items", EXAMPLE_ID),
                Map.of("limit", "2", "nextToken", first.get("nextToken").asText()));
        JsonNode second = call(next, 200);

        assertThat(first.get("items")).extracting(i -> i.get("guid").asText()).containsExactly("guid-3", "guid-2");
        assertThat(second.get("items")).extracting(i -> i.get("guid").asText()).containsExactly("guid-1");
        assertThat(second.get("nextToken").isNull()).isTrue();
        assertThat(first.at("/items/0/id").asText()).matches("[0-9a-f]{32}");
        assertThat(first.at("/items/0/feedId").asText()).isEqualTo(EXAMPLE_ID);
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feed-items-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void the_items_of_an_unknown_feed_are_a_404(APIGatewayV2HTTPEvent event) {
        call(event, 404);
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/items.json", type = APIGatewayV2HTTPEvent.class)
    void items_of_every_feed_ingested_in_the_last_day_are_listed_by_default(APIGatewayV2HTTPEvent event) {
        String id = Json.parse(respond(subscription("https://www.example.com/since-" + UUID.randomUUID()),
                201).getBody()).get("id").asText();
        storeEntries(id, 2);

        var mine = new ArrayList<String>();
        JsonNode page = call(event, 200);
        while (true) {
            page.get("items").forEach(i -> {
                if (i.get("feedId").asText().equals(id)) {
                    mine.add(i.get("guid").asText());
                }
            });
            if (page.get("nextToken").isNull()) {
                break;
            }
            page = call(ApiEvents.withQuery(ApiEvents.request("GET /items", "/items", null),
                    Map.of("since", page.get("since").asText(), "nextToken", page.get("nextToken").asText())), 200);
        }

        assertThat(mine).containsExactlyInAnyOrder("guid-1", "guid-2");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/items-since-too-old.json", type = APIGatewayV2HTTPEvent.class)
    void since_further_back_than_the_index_keeps_is_a_400(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("since");
        assertThat(problem.at("/errors/0/detail").asText()).contains("30 days");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/items-since-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void since_that_is_not_a_time_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).at("/errors/0/field").asText()).isEqualTo("since");
    }

    @ParameterizedTest
    @Event(value = "rss-ingestor/feeds-delete.json", type = APIGatewayV2HTTPEvent.class)
    void deleting_a_feed_removes_it_and_its_entries(APIGatewayV2HTTPEvent event) {
        subscribeExample();
        storeEntries(EXAMPLE_ID, 2);

        respond(event, 204);

        call(withId("GET /feeds/{id}", "/feeds/{id}", EXAMPLE_ID), 404);
        call(withId("GET /feeds/{id}/items", "/feeds/{id}/items", EXAMPLE_ID), 404);
        call(event, 404);
        assertThat(subscribeExample().getStatusCode()).isEqualTo(201);
        assertThat(entries.listFeed(EXAMPLE_ID, 10, null).items()).isEmpty();
    }

    @Test
    void the_handler_answers_exactly_the_routes_the_template_gives_it() {
        var templateRoutes = LocalAws.shared().model().functions().get("RssApiFunction")
                .events(EventSpec.HttpApiRoute.class).stream().map(EventSpec.HttpApiRoute::routeKey).sorted().toList();

        assertThat(handler.router().routeKeys()).isEqualTo(templateRoutes);
    }
}
