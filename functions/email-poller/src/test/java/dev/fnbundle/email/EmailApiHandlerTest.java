package dev.fnbundle.email;

import static dev.fnbundle.common.testing.ProblemBodies.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.page.DynamoPageKeyStore;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.common.testing.OpenApiContract;
import dev.fnbundle.common.testing.PageTokenForgery;
import dev.fnbundle.email.aws.DynamoInvoiceStore;
import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.RecordKind;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.email.support.Records;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The HTTP contract of the email poller, driven by the sample events in events/email-poller and wired as in
 * production against DynamoDB Local and ElasticMQ provisioned from template.yaml (AWS mode: no inline passwords).
 */
class EmailApiHandlerTest {
    private static EmailApiHandler handler;
    private static EmailApiHandler localHandler;
    private static String table;
    private static String taskQueueUrl;
    private final FakeLambdaContext context = new FakeLambdaContext("email-api");

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        table = aws.provisionTable("EmailTable");
        taskQueueUrl = aws.provisionQueue("PollTaskQueue");
        Map<String, String> env = aws.functionEnvironment("EmailApiFunction");
        handler = new EmailApiHandler(EmailWiring.from(Env.of(env)));
        var local = new HashMap<>(env);
        local.put("ALLOW_INLINE_MAILBOX_PASSWORDS", "true");
        localHandler = new EmailApiHandler(EmailWiring.from(Env.of(local)));
    }

    private JsonNode call(EmailApiHandler target, APIGatewayV2HTTPEvent event, int expectedStatus) {
        APIGatewayV2HTTPResponse response = OpenApiContract.verified(event, target.handleRequest(event, context));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return response.getBody() == null ? null : Json.parse(response.getBody());
    }

    private JsonNode call(APIGatewayV2HTTPEvent event, int expectedStatus) {
        return call(handler, event, expectedStatus);
    }

    /** The event with a username no other test registered, so registrations do not collide. */
    private static APIGatewayV2HTTPEvent unique(APIGatewayV2HTTPEvent event) {
        String user = "user-" + UUID.randomUUID() + "@example.com";
        event.setBody(event.getBody().replaceAll("\"username\": \"[^\"]*\"", "\"username\": \"" + user + "\""));
        return event;
    }

    private static APIGatewayV2HTTPEvent onMailbox(String routeKey, String id) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1).replace("{id}", id);
        var event = ApiEvents.request(routeKey, path, null);
        event.setPathParameters(Map.of("id", id));
        return event;
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register.json", type = APIGatewayV2HTTPEvent.class)
    void a_registered_mailbox_is_listed_shown_and_deleted_without_ever_showing_its_secret(
            APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse created = OpenApiContract.checked(handler).handleRequest(unique(event), context);
        JsonNode mailbox = Json.parse(created.getBody());
        String id = mailbox.get("id").asText();

        JsonNode shown = call(onMailbox("GET /mailboxes/{id}", id), 200);
        JsonNode list = call(ApiEvents.request("GET /mailboxes", "/mailboxes", null), 200);
        call(onMailbox("DELETE /mailboxes/{id}", id), 204);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("location", "/mailboxes/" + id);
        assertThat(id).startsWith("mb-");
        assertThat(mailbox.get("passwordSource").asText()).isEqualTo("secret");
        assertThat(mailbox.get("folder").asText()).isEqualTo("INBOX");
        assertThat(mailbox.get("search").get("since").asText()).isEqualTo("2026-01-01");
        assertThat(mailbox.get("status").get("state").asText()).isEqualTo("NEVER_POLLED");
        assertThat(created.getBody()).doesNotContain("fnbundle/mailboxes/billing").doesNotContain("password\"");
        assertThat(shown).isEqualTo(mailbox);
        assertThat(list.toString()).contains(id).doesNotContain("fnbundle/mailboxes/billing");
        call(onMailbox("GET /mailboxes/{id}", id), 404);
        call(onMailbox("DELETE /mailboxes/{id}", id), 404);
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register.json", type = APIGatewayV2HTTPEvent.class)
    void the_same_account_and_folder_cannot_be_registered_twice(APIGatewayV2HTTPEvent event) {
        String body = unique(event).getBody();
        String first = call(event, 201).get("id").asText();
        event.setBody(body);

        JsonNode conflict = call(event, 409);
        event.setBody(body.replace("\"folder\": \"INBOX\"", "\"folder\": \"Invoices\""));
        call(event, 201);

        assertThat(conflict.get("mailboxId").asText()).isEqualTo(first);
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register-inline.json", type = APIGatewayV2HTTPEvent.class)
    void in_aws_an_inline_password_and_a_loopback_host_are_refused(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(unique(event), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("password", "host");
        assertThat(problem.toString()).doesNotContain("\"demo\"");
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register-inline.json", type = APIGatewayV2HTTPEvent.class)
    void locally_an_inline_password_is_stored_apart_and_never_returned(APIGatewayV2HTTPEvent event) {
        event.setBody(unique(event).getBody().replace("\"password\": \"demo\"", "\"password\": \"pw-9f2c-secret\""));

        APIGatewayV2HTTPResponse created = OpenApiContract.verified(event, localHandler.handleRequest(event, context));
        String id = Json.parse(created.getBody()).get("id").asText();
        var list = OpenApiContract.checked(localHandler)
                .handleRequest(ApiEvents.request("GET /mailboxes", "/mailboxes", null), context);

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getBody()).contains("\"passwordSource\":\"inline\"").doesNotContain("pw-9f2c-secret");
        assertThat(list.getBody()).doesNotContain("pw-9f2c-secret");
        var items = LocalAws.shared().dynamoDb().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MAILBOX#" + id)))).items();
        assertThat(items).filteredOn(i -> i.toString().contains("pw-9f2c-secret"))
                .singleElement().satisfies(i -> assertThat(i.get("sk").s()).isEqualTo("#PASSWORD"));
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_values_are_a_400_naming_each_field(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("host", "port", "username", "archiveFolder",
                "search.subject", "search.since", "passwordSecret");
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register-wrong-types.json", type = APIGatewayV2HTTPEvent.class)
    void wrong_types_and_unknown_members_are_a_400_without_echoing_values(APIGatewayV2HTTPEvent event) {
        JsonNode problem = call(event, 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("host", "port", "pasword", "search.unseenOnly");
        assertThat(problem.toString()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register-malformed.json", type = APIGatewayV2HTTPEvent.class)
    void malformed_json_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 400).get("type").asText()).isEqualTo("urn:fnbundle:problem:malformed-json");
    }

    @Test
    void a_body_over_16_kib_is_a_413() {
        String body = "{\"host\": \"" + "a".repeat(20_000) + "\"}";

        call(ApiEvents.request("POST /mailboxes", "/mailboxes", body), 413);
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-register.json", type = APIGatewayV2HTTPEvent.class)
    void poll_now_queues_a_task_for_the_poller(APIGatewayV2HTTPEvent event) {
        String id = call(unique(event), 201).get("id").asText();

        APIGatewayV2HTTPResponse accepted = OpenApiContract.checked(handler)
                .handleRequest(onMailbox("POST /mailboxes/{id}/poll", id), context);

        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(accepted.getHeaders()).containsEntry("location", "/mailboxes/" + id);
        assertThat(receiveTasks()).anyMatch(t -> t.get("mailboxId").asText().equals(id)
                && t.get("reason").asText().equals("manual"));
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-poll.json", type = APIGatewayV2HTTPEvent.class)
    void polling_an_unknown_mailbox_is_a_404(APIGatewayV2HTTPEvent event) {
        assertThat(call(event, 404).get("detail").asText()).startsWith("no mailbox mb-");
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-get.json", type = APIGatewayV2HTTPEvent.class)
    void an_unknown_mailbox_is_a_404(APIGatewayV2HTTPEvent event) {
        call(event, 404);
    }

    @Test
    void a_mailbox_id_that_cannot_be_one_is_a_404_without_a_lookup() {
        for (String id : List.of("m".repeat(3000), "not an id!")) {
            call(onMailbox("GET /mailboxes/{id}", id), 404);
            call(onMailbox("DELETE /mailboxes/{id}", id), 404);
            call(onMailbox("POST /mailboxes/{id}/poll", id), 404);
        }
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-delete.json", type = APIGatewayV2HTTPEvent.class)
    void deleting_an_unknown_mailbox_is_a_404(APIGatewayV2HTTPEvent event) {
        call(event, 404);
    }

    @ParameterizedTest
    @Event(value = "email-poller/mailboxes-list.json", type = APIGatewayV2HTTPEvent.class)
    void mailboxes_are_listed_in_pages(APIGatewayV2HTTPEvent event) {
        for (int i = 0; i < 3; i++) {
            call(unique(ApiEvents.request("POST /mailboxes", "/mailboxes", "{\"host\": \"imap.example.com\","
                    + " \"username\": \"x\", \"passwordSecret\": \"fnbundle/mailboxes/x\","
                    + " \"search\": {\"subject\": \"invoice\"}}")), 201);
        }
        event.setQueryStringParameters(Map.of("limit", "2"));

        JsonNode first = call(event, 200);
        event.setQueryStringParameters(Map.of("limit", "2", "nextToken", first.get("nextToken").asText()));
        JsonNode second = call(event, 200);
        event.setQueryStringParameters(Map.of("limit", "0"));

        assertThat(first.get("mailboxes")).hasSize(2);
        assertThat(second.get("mailboxes").get(0).get("id")).isNotEqualTo(first.get("mailboxes").get(0).get("id"));
        assertThat(fields(call(event, 400))).containsExactly("limit");
    }

    @ParameterizedTest
    @Event(value = "email-poller/invoices-list.json", type = APIGatewayV2HTTPEvent.class)
    void invoices_of_a_mailbox_are_listed_by_date_range(APIGatewayV2HTTPEvent event) {
        String mailbox = event.getQueryStringParameters().get("mailbox");
        var store = new DynamoInvoiceStore(LocalAws.shared().dynamoDb(), table);
        store.putIfAbsent(Records.invoice(mailbox, 1, "<april@acme>", Instant.parse("2026-04-30T23:59:59Z"), "1.00"));
        store.putIfAbsent(Records.invoice(mailbox, 2, "<may1@acme>", Instant.parse("2026-05-01T00:00:00Z"), "2.00"));
        store.putIfAbsent(Records.invoice(mailbox, 3, "<may31@acme>", Instant.parse("2026-05-31T23:59:59Z"),
                "3.00"));
        store.putIfAbsent(Records.of(RecordKind.SKIPPED, mailbox, 4, Instant.parse("2026-05-10T00:00:00Z"),
                "message is 52428801 bytes, over the limit"));

        JsonNode page = call(event, 200);
        event.setQueryStringParameters(Map.of("mailbox", mailbox, "kind", "skipped"));
        JsonNode skipped = call(event, 200);

        assertThat(page.get("invoices")).extracting(i -> i.get("amount").asText()).containsExactly("2.00", "3.00");
        JsonNode first = page.get("invoices").get(0);
        assertThat(first.get("id").asText()).isEqualTo(mailbox + "#7#2");
        assertThat(first.get("from").get("address").asText()).isEqualTo("billing@acme.example");
        assertThat(first.get("dueDate").asText()).isEqualTo("2026-06-30");
        assertThat(first.get("attachments").get(0).get("fileName").asText()).isEqualTo("invoice-2.pdf");
        assertThat(first.has("reason")).isFalse();
        assertThat(page.get("nextToken").isNull()).isTrue();
        assertThat(skipped.get("invoices")).singleElement()
                .satisfies(s -> assertThat(s.get("reason").asText()).contains("over the limit"));
    }

    @ParameterizedTest
    @Event(value = "email-poller/invoices-list-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void invalid_query_parameters_are_a_400_naming_each(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(event, 400))).containsExactlyInAnyOrder("mailbox", "kind", "to", "limit");
    }

    @Test
    void a_query_parameter_of_1_mib_is_a_400_in_well_under_a_second() {
        var event = ApiEvents.request("GET /invoices", "/invoices", null);
        event.setQueryStringParameters(Map.of("mailbox", "mb-".repeat(350_000), "kind", "x".repeat(1 << 20)));

        CpuBudget.assertWithin(Duration.ofSeconds(2), () -> assertThat(fields(call(event, 400)))
                .containsExactlyInAnyOrder("mailbox", "kind"));
    }

    @ParameterizedTest
    @Event(value = "email-poller/invoices-list-bad-token.json", type = APIGatewayV2HTTPEvent.class)
    void a_token_the_list_did_not_issue_is_a_400(APIGatewayV2HTTPEvent event) {
        assertThat(fields(call(event, 400))).containsExactly("nextToken");
    }

    /** A list endpoint with a token: {@code mailboxes}, {@code invoices} or {@code invoices.csv}. */
    private static APIGatewayV2HTTPEvent list(String list, String token) {
        var event = ApiEvents.request("GET /" + list, "/" + list, null);
        return ApiEvents.withQuery(event, Map.of("nextToken", token));
    }

    /** The scope each list binds its tokens to (invoices and the CSV page the same query). */
    private static String scope(String list) {
        return list.equals("mailboxes") ? "mailboxes" : "records#INVOICE#null#null";
    }

    private void assertRefusedToken(String list, String token) {
        assertThat(fields(call(list(list, token), 400))).as(list).containsExactly("nextToken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailboxes", "invoices", "invoices.csv"})
    void a_forged_token_with_valid_json_and_a_made_up_signature_is_a_400(String list) {
        assertRefusedToken(list, PageTokenForgery.wrongMac(scope(list), "{\"pk\":{\"S\":\"x\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailboxes", "invoices", "invoices.csv"})
    void an_unsigned_hand_made_token_is_a_400(String list) {
        assertRefusedToken(list, PageTokenForgery.unsigned(scope(list), "{\"pk\":{\"S\":\"x\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailboxes", "invoices", "invoices.csv"})
    void a_signed_token_of_another_list_is_a_400(String list) {
        String other = PageTokens.inTable(LocalAws.shared().dynamoDb(), table, Clock.systemUTC())
                .encode(list.equals("mailboxes") ? scope("invoices") : scope("mailboxes"),
                        Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS("y")));

        assertRefusedToken(list, other);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailboxes", "invoices", "invoices.csv"})
    void garbage_tokens_are_a_400_never_a_500(String list) {
        for (String garbage : PageTokenForgery.garbage()) {
            assertRefusedToken(list, garbage);
        }
    }

    @Test
    void a_token_signed_before_the_key_was_rotated_is_still_accepted() {
        for (int i = 0; i < 2; i++) {
            call(unique(ApiEvents.request("POST /mailboxes", "/mailboxes", "{\"host\": \"imap.example.com\","
                    + " \"username\": \"x\", \"passwordSecret\": \"fnbundle/mailboxes/x\","
                    + " \"search\": {\"subject\": \"invoice\"}}")), 201);
        }
        var firstPage = ApiEvents.withQuery(ApiEvents.request("GET /mailboxes", "/mailboxes", null),
                Map.of("limit", "1"));
        String before = call(firstPage, 200).get("nextToken").asText();

        // Another instance, a rotation period later, replaces the signing key; a new instance then starts.
        new DynamoPageKeyStore(LocalAws.shared().dynamoDb(), table,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(31))).load();
        var restarted = new EmailApiHandler(EmailWiring.from(Env.of(
                LocalAws.shared().functionEnvironment("EmailApiFunction"))));
        JsonNode page = call(restarted, ApiEvents.withQuery(ApiEvents.request("GET /mailboxes", "/mailboxes",
                null), Map.of("limit", "1", "nextToken", before)), 200);

        assertThat(page.get("mailboxes")).hasSize(1);
        String after = page.get("nextToken").asText();
        assertThat(after.substring(0, after.indexOf('.'))).as("signed by the new key")
                .isNotEqualTo(before.substring(0, before.indexOf('.')));
    }

    @ParameterizedTest
    @Event(value = "email-poller/invoices-csv.json", type = APIGatewayV2HTTPEvent.class)
    void the_csv_has_the_seeds_columns_first_and_neutralizes_formulas(APIGatewayV2HTTPEvent event) {
        String mailbox = "mb-" + UUID.randomUUID();
        event.setQueryStringParameters(Map.of("mailbox", mailbox));
        var base = Records.invoice(mailbox, 1, "<csv@acme>", Instant.parse("2026-05-13T09:14:32Z"), "1234.50");
        var hostile = new InvoiceRecord(base.key(), base.kind(), base.messageId(), base.dedupeKey(), null,
                base.date(), base.from(), "=HYPERLINK(\"http://evil\"), \"urgent\"", base.fields(),
                base.attachments(), null, false, base.recordedAt());
        new DynamoInvoiceStore(LocalAws.shared().dynamoDb(), table).putIfAbsent(hostile);

        APIGatewayV2HTTPResponse response = OpenApiContract.verified(event, handler.handleRequest(event, context));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "text/csv; charset=utf-8")
                .containsEntry("x-row-count", "1").doesNotContainKey("x-next-token");
        assertThat(response.getBody()).isEqualTo("date,from,subject,amount,currency,invoiceNumber,dueDate,vendor,"
                + "mailbox,messageId\r\n2026-05-13T09:14:32Z,Acme Billing <billing@acme.example>,"
                + "\"'=HYPERLINK(\"\"http://evil\"\"), \"\"urgent\"\"\",1234.50,USD,INV-1,2026-06-30,Acme Billing,"
                + mailbox + ",<csv@acme>\r\n");
    }

    @Test
    void the_handler_answers_exactly_the_routes_the_template_gives_it() {
        var templateRoutes = LocalAws.shared().model().functions().get("EmailApiFunction")
                .events(EventSpec.HttpApiRoute.class).stream().map(EventSpec.HttpApiRoute::routeKey).sorted().toList();

        assertThat(handler.router().routeKeys()).isEqualTo(templateRoutes);
    }

    private static List<JsonNode> receiveTasks() {
        var tasks = new ArrayList<JsonNode>();
        var sqs = LocalAws.shared().sqs();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(taskQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            batch.forEach(m -> tasks.add(Json.parse(m.body())));
        } while (!batch.isEmpty());
        return tasks;
    }
}
