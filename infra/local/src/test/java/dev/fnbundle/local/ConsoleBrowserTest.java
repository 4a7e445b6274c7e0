package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The browser console in headless Chromium against the fixture stack: each page does what a developer expects,
 * live lists move without a reload, actions act, and whatever clients stored is shown as text.
 */
class ConsoleBrowserTest {
    static final String XSS = "<script>alert('s')</script>\"><img src=x onerror=alert('i')>"
            + " javascript:alert('j') \u2028end";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ConsoleBrowser browser;
    private static WebDriver page;

    @BeforeAll
    static void openBrowser() {
        browser = ConsoleBrowser.start();
        page = browser.driver();
        FixtureRuntime.shared();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_invocation_appears_live_and_opens_with_its_event_response_and_log_lines() throws Exception {
        open("/_local/console/invocations?function=EchoFunction");
        awaitLive();
        String id = "live-" + UUID.randomUUID();

        String requestId = MAPPER.readTree(call("GET", "/items/" + id).body()).path("requestId").asText();

        WebElement link = browser.await(d -> d.findElements(By.linkText(requestId)).stream().findFirst()
                .orElse(null));
        WebElement row = link.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("EchoFunction").contains("route").contains("GET /items/{id}")
                .contains("ok");
        link.click();
        browser.await(d -> d.getTitle().startsWith("Invocation"));
        String text = page.findElement(By.tagName("main")).getText();
        assertThat(text).contains(requestId).contains("\"rawPath\" : \"/items/" + id + "\"")
                .contains("\"statusCode\" : 201").contains("echo " + id + " served by request " + requestId)
                .contains("REPORT RequestId: " + requestId);
    }

    @Test
    void the_log_follows_live_filtered_by_level_and_found_by_request_id() throws Exception {
        open("/_local/console/logs?function=EchoFunction&level=ERROR");
        awaitLive();

        String requestId = MAPPER.readTree(call("GET", "/items/log-" + UUID.randomUUID() + "?fail-log=1").body())
                .path("requestId").asText();

        browser.await(d -> d.findElement(By.id("log")).getText().contains("ERROR echo was asked to log a failure"));
        assertThat(page.findElement(By.id("log")).getText()).doesNotContain("served by request " + requestId);

        open("/_local/console/logs?request=" + requestId.substring(0, 13));
        assertThat(page.findElement(By.id("log")).getText())
                .contains("served by request " + requestId).contains("ERROR echo was asked to log a failure");
    }

    @Test
    void a_poison_message_shows_in_its_dead_letter_queue_with_why_and_is_redriven() {
        var runtime = FixtureRuntime.shared();
        String marker = "console-" + UUID.randomUUID();
        runtime.aws().sqs().sendMessage(b -> b.queueUrl(runtime.model().queue("WorkQueue").url())
                .messageBody("poison").messageAttributes(Map.of(
                        "marker", MessageAttributeValue.builder().dataType("String").stringValue(marker).build(),
                        "note", MessageAttributeValue.builder().dataType("String").stringValue(XSS).build())));

        // maxReceiveCount 1 and a 12 s visibility timeout: the dead-letter queue has it after the second receive.
        browser.await(d -> {
            open("/_local/console/queues/WorkDeadLetterQueue");
            return d.findElement(By.tagName("main")).getText().contains(marker);
        });
        WebElement row = page.findElement(By.xpath("//tr[td[contains(., '" + marker + "')]]"));
        assertThat(row.getText()).contains("poison").contains("BatchFunction")
                .contains("reported as a batch item failure").contains(XSS.replace("\u2028", "").substring(0, 30));
        assertNoAlert();
        assertThat(page.findElements(By.cssSelector("main img"))).isEmpty();

        long deliveries = deliveriesOf(marker);
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        page.findElement(By.xpath("//button[starts-with(., 'Redrive chosen')]")).click();

        browser.await(d -> d.findElement(By.id("flash")).getText().contains("redrove 1 message(s) from"
                + " WorkDeadLetterQueue to WorkQueue"));
        assertThat(page.findElement(By.tagName("main")).getText()).doesNotContain(marker);
        browser.await(d -> deliveriesOf(marker) > deliveries);
    }

    /** How many times the fixture's queue consumer received the message with this marker. */
    private static long deliveriesOf(String marker) {
        return FixtureRuntime.shared().recorder().invocations().stream().filter(r -> r.function()
                .equals("BatchFunction") && r.event().contains(marker)).count();
    }

    @Test
    void an_item_is_found_by_key_and_a_stored_xss_attempt_is_shown_as_text() {
        var runtime = FixtureRuntime.shared();
        String key = "<img src=x onerror=alert('k')>#" + UUID.randomUUID();
        String table = runtime.model().table("FixtureTable").name();
        runtime.aws().dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key),
                "text", AttributeValue.fromS(XSS), "link", AttributeValue.fromS("javascript:alert('l')"))));

        open("/_local/console/tables/FixtureTable");
        page.findElement(By.name("pk")).sendKeys(key);
        page.findElement(By.xpath("//button[.='Query']")).click();

        WebElement link = browser.await(d -> d.findElements(By.linkText(key)).stream().findFirst().orElse(null));
        assertNoAlert();
        assertThat(page.findElements(By.cssSelector("main img, main script:not([src])"))).isEmpty();
        assertThat(page.findElement(By.cssSelector("table.items")).getText()).contains("<script>alert('s')</script>");
        link.click();
        browser.await(d -> d.getTitle().startsWith("Item of FixtureTable"));
        String json = page.findElement(By.cssSelector("pre.code")).getText();
        assertNoAlert();
        assertThat(json).contains("\"pk\" : \"" + key + "\"").contains("<script>alert('s')</script>")
                .contains("javascript:alert('l')");
        assertThat(page.findElements(By.cssSelector("main img"))).isEmpty();
    }

    @Test
    void a_schedule_is_fired_now_and_its_run_is_listed() {
        open("/_local/console/schedules");
        WebElement row = page.findElement(By.cssSelector("tr[data-rule='Nightly']"));
        assertThat(row.getText()).contains("TickFunction").contains("cron(0 3 * * ? *)").contains("03:00:00 UTC");
        long before = runs("Nightly");

        row.findElement(By.xpath(".//button[.='Fire now']")).click();

        browser.await(d -> d.findElement(By.id("flash")).getText().startsWith("fired Nightly"));
        browser.await(d -> runs("Nightly") > before);
        open("/_local/console/schedules");
        assertThat(page.findElement(By.cssSelector("tr[data-rule='Nightly'] ul.runs")).getText()).contains("ok");
    }

    @Test
    void a_route_is_tried_with_the_dev_token_which_never_shows_in_a_page_or_a_url() {
        open("/_local/console/api");
        assertThat(page.findElement(By.tagName("main")).getText()).contains("GET /scoped/{id}")
                .contains("fixture/read fixture/admin").contains("Legacy");
        new Select(page.findElement(By.name("route"))).selectByValue("GET /items/{id}");
        WebElement path = page.findElement(By.name("path"));
        assertThat(path.getDomProperty("value")).isEqualTo("/items/{id}");
        path.clear();
        path.sendKeys("/items/tried");

        page.findElement(By.xpath("//form[@id='try-it']//button[.='Send']")).click();

        String body = browser.await(d -> d.findElements(By.id("try-body")).stream().findFirst().orElse(null))
                .getText();
        assertThat(page.findElement(By.cssSelector("#try-result .status")).getText()).startsWith("201");
        assertThat(body).contains("\"routeKey\": \"GET /items/{id}\"").contains("\"id\": \"tried\"")
                .contains("\"sub\": \"local-dev\"");
        String token = FixtureRuntime.shared().devToken();
        assertThat(page.getPageSource()).doesNotContain(token);
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
        assertThat(urls).isNotEmpty().noneMatch(url -> url.contains(token));
    }

    @Test
    void swagger_ui_shows_the_openapi_document() {
        open("/_local/console/api/docs");

        browser.await(d -> d.findElements(By.cssSelector(".swagger-ui .info .title")).stream()
                .anyMatch(title -> title.getText().contains("fixture API")));
        assertThat(page.findElement(By.id("swagger-ui")).getText()).contains("/items/{id}").contains("/open");
    }

    @Test
    void a_sample_invoice_sent_from_the_mail_page_arrives_in_the_demo_inbox_and_subjects_stay_text() {
        var ports = FixtureRuntime.shared().mail().ports();
        GreenMailUtil.sendTextEmail("demo@localhost", "x@example.com", XSS, "body " + XSS,
                new ServerSetup(ports.smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        open("/_local/console/mail");
        int before = inboxSubjects().size();

        page.findElement(By.xpath("//button[.='Send a sample invoice']")).click();

        browser.await(d -> d.findElement(By.id("flash")).getText().contains("to the demo mailbox"));
        String sent = page.findElement(By.id("flash")).getText().replaceAll(".*\"(Invoice INV-\\d+)\".*", "$1");
        assertThat(inboxSubjects()).hasSizeGreaterThan(before).contains(sent);
        assertThat(inboxSubjects()).anyMatch(subject -> subject.startsWith("<script>alert('s')</script>"));
        assertNoAlert();
        assertThat(page.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(page.getPageSource()).doesNotContain("Poll the mailbox now");
    }

    @Test
    void every_page_loads_without_a_script_error_or_a_policy_violation() throws Exception {
        call("GET", "/items/overview");
        browser.consoleMessages();
        for (String path : List.of("", "invocations", "logs", "queues", "queues/WorkQueue", "tables",
                "tables/FixtureTable", "schedules", "api", "mail")) {
            open("/_local/console/" + path);
            assertThat(page.findElements(By.tagName("h1"))).as(path).hasSize(1);
            assertThat(browser.consoleMessages()).as(path).noneMatch(entry -> entry.getLevel().intValue()
                    >= Level.WARNING.intValue());
        }
        open("/_local/console/");
        String overview = page.findElement(By.tagName("main")).getText();
        assertThat(overview).contains("EchoFunction").contains("BatchFunction").contains("DynamoDB Local")
                .contains("ElasticMQ (SQS)").contains("GreenMail").containsPattern("time to ready\\s+\\d+ ms")
                .containsPattern("EchoFunction \\d+ warm");
    }

    private static List<String> inboxSubjects() {
        open("/_local/console/mail");
        return page.findElements(By.cssSelector("section[data-folder='INBOX'] summary")).stream()
                .map(WebElement::getText).toList();
    }

    private static long runs(String rule) {
        return FixtureRuntime.shared().recorder().invocations().stream().filter(r -> r.trigger().detail()
                .equals(rule) && r.succeeded()).count();
    }

    private static void open(String path) {
        page.get("http://127.0.0.1:" + FixtureRuntime.shared().port() + path);
    }

    private static void awaitLive() {
        browser.await(d -> d.findElement(By.cssSelector(".live-state")).getText().equals("live")
                && d.findElement(By.cssSelector(".live-state")).getAttribute("class").contains("on"));
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> page.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(FixtureRuntime.uri(path))
                .header("Authorization", "Bearer " + FixtureRuntime.shared().devToken())
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
