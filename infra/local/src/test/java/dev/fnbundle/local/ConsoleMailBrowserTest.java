package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The browser console on the repository's own template: a sample invoice mailed from the Mail page is picked up by
 * the poll the page asks for (the email poller reads it over IMAPS and archives it). With
 * {@code -Dconsole.screenshots=true} it also saves a screenshot of each page under infra/local/docs/console/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleMailBrowserTest {
    private static ConsoleBrowser browser;
    private static WebDriver page;

    @BeforeAll
    static void openBrowser() {
        browser = ConsoleBrowser.start();
        page = browser.driver();
        BundleStack.shared();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void a_sample_invoice_sent_from_the_mail_page_is_polled_and_archived() {
        open("/_local/console/mail");
        page.findElement(By.xpath("//button[.='Send a sample invoice']")).click();
        browser.await(d -> d.findElement(By.id("flash")).getText().contains("to the demo mailbox"));
        String subject = page.findElement(By.id("flash")).getText()
                .replaceAll(".*\"(Invoice INV-\\d+)\".*", "$1");
        assertThat(subject).startsWith("Invoice INV-");
        browser.await(d -> folderText("INBOX").contains(subject));

        page.findElement(By.xpath("//button[.='Poll the mailbox now']")).click();

        browser.await(d -> d.findElement(By.id("flash")).getText().contains("queued (202)"));
        browser.await(d -> {
            open("/_local/console/mail");
            return folderText("Archive").contains(subject) && !folderText("INBOX").contains(subject)
                    && polls().contains("EmailPollerFunction");
        });
        String polls = polls();
        assertThat(polls).contains("EmailPollerFunction").contains("queue").contains("EmailApiFunction")
                .contains("POST /mailboxes/{id}/poll");
        assertThat(BundleStack.call("GET", "/invoices?limit=100", null).body()).contains(subject);
    }

    @Test
    @Order(2)
    void swagger_ui_shows_the_repositorys_openapi_document_with_every_route_of_the_api_page() {
        open("/_local/console/api/docs");

        browser.await(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty());
        browser.await(d -> d.findElements(By.cssSelector(".swagger-ui .opblock-summary-path")).size() > 20);
        List<String> documented = page.findElements(By.cssSelector(".swagger-ui .opblock-summary-path")).stream()
                .map(path -> path.getAttribute("data-path")).toList();
        assertThat(documented).contains("/orders/resolve", "/mailboxes/{id}/poll", "/similarity");
        assertThat(page.findElements(By.cssSelector(".swagger-ui .errors-wrapper"))).isEmpty();
    }

    @Test
    @Order(3)
    void screenshots_of_every_page_for_the_readme() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("console.screenshots"),
                "screenshots are taken with -Dconsole.screenshots=true");
        Path directory = LocalAws.repositoryRoot().resolve("infra/local/docs/console");
        BundleStack.call("POST", "/orders/resolve", "{\"graph\": {\"build\": [\"test\"], \"test\": [\"lint\","
                + " \"compile\"], \"lint\": [], \"compile\": [\"lint\"]}}");
        BundleStack.call("POST", "/orders/resolve", "{\"graph\": {\"a\": [\"b\"], \"b\": [\"a\"]}}");
        BundleStack.call("POST", "/runs", "{\"graph\": {\"b\": [\"a\"], \"a\": []}}");
        BundleStack.call("POST", "/similarity", "{\"a\": \"python\", \"b\": \"pyhton\", \"algorithm\":"
                + " \"damerau_levenshtein\"}");
        BundleStack.call("GET", "/runs/no-such-run", null);
        var runtime = BundleStack.shared();
        runtime.aws().sqs().sendMessage(b -> b.queueUrl(runtime.model().queue("RunTaskDeadLetterQueue").url())
                .messageBody("{\"runId\": \"r-42\", \"node\": \"deploy\"}"));
        runtime.scheduler().fire("FetchFeedsSchedule");
        browser.await(d -> runtime.recorder().invocations().stream()
                .anyMatch(r -> r.trigger().detail().equals("FetchFeedsSchedule")));
        page.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        open("/_local/console/mail");
        page.findElement(By.xpath("//button[.='Send a sample invoice']")).click();
        browser.await(d -> d.findElement(By.id("flash")).getText().contains("to the demo mailbox"));

        for (var shot : List.of(List.of("", "overview"), List.of("invocations", "invocations"),
                List.of("logs?function=OrdersApiFunction", "logs"), List.of("queues", "queues"),
                List.of("queues/RunTaskDeadLetterQueue", "dead-letter-queue"), List.of("tables", "tables"),
                List.of("tables/OrdersTable", "table-items"), List.of("schedules", "schedules"),
                List.of("mail", "mail"))) {
            open("/_local/console/" + shot.get(0));
            browser.fullPageScreenshot(directory, shot.get(1));
        }
        open("/_local/console/invocations");
        page.findElement(By.cssSelector("#invocations tr a")).click();
        browser.await(d -> d.getTitle().startsWith("Invocation"));
        browser.fullPageScreenshot(directory, "invocation");
        open("/_local/console/api");
        new Select(page.findElement(By.name("route"))).selectByValue("POST /orders/resolve");
        page.findElement(By.name("body")).sendKeys("{\"graph\": {\"deploy\": [\"build\"], \"build\": []}}");
        page.findElement(By.xpath("//form[@id='try-it']//button[.='Send']")).click();
        browser.await(d -> !d.findElements(By.id("try-body")).isEmpty());
        browser.screenshot(directory, "api");
        if (java.nio.file.Files.exists(LocalAws.repositoryRoot().resolve("infra/openapi.yaml"))) {
            open("/_local/console/api/docs");
            browser.await(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty());
            browser.screenshot(directory, "openapi");
        }
    }

    private static String polls() {
        return page.findElement(By.xpath("//h2[.='Polls']/following-sibling::table")).getText();
    }

    private static String folderText(String folder) {
        List<WebElement> sections = page.findElements(By.cssSelector("section[data-folder='" + folder + "']"));
        return sections.isEmpty() ? "" : sections.get(0).getText();
    }

    private static void open(String path) {
        page.get("http://127.0.0.1:" + BundleStack.shared().port() + path);
    }
}
