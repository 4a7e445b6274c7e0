package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.observe.ReloadEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code --watch}: a saved change to a function's sources, to the library it uses, or to the template is applied
 * to the running stack, while requests keep being answered; a change that does not compile is refused and the
 * code running keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static final Duration RELOAD_LIMIT = Duration.ofMinutes(4);
    private static WatchedProject project;
    private static BundleRuntime stack;

    @BeforeAll
    static void start() throws Exception {
        project = WatchedProject.create();
        var options = Options.parse(List.of("start", "--template", project.template().toString(), "--port", "0",
                "--no-mail", "--dynamodb-port", "0", "--sqs-port", "0", "--no-aot-cache", "--watch"), project.root());
        stack = BundleRuntime.start(options, new Console(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8),
                false));
        stack.awaitWarm(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_saved_change_is_swapped_in_while_requests_keep_flowing_and_none_is_lost() throws Exception {
        assertThat(get("/version").body()).isEqualTo("v1 hello first");
        var answers = Collections.synchronizedList(new ArrayList<HttpResponse<String>>());
        var flowing = new AtomicBoolean(true);
        var clients = new ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (flowing.get()) {
                    try {
                        answers.add(get("/version"));
                        Thread.sleep(20);
                    } catch (Exception e) {
                        answers.add(null);
                    }
                }
            }));
        }
        int reloadsBefore = stack.recorder().reloads().size();

        project.writeHandler("v2");
        project.writeNote("second");

        ReloadEvent reload = awaitReload(reloadsBefore, ReloadEvent.Kind.CODE);
        awaitAnswer("/version", body -> body.equals("v2 hello second"));
        Thread.sleep(500);
        flowing.set(false);
        for (Thread client : clients) {
            client.join();
        }
        assertThat(reload.succeeded()).as(reload.detail()).isTrue();
        assertThat(reload.changed()).containsExactly("watched");
        assertThat(reload.functions()).containsExactly("WatchedFunction");
        assertThat(answers).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer).isNotNull();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).matches("v[12] hello (first|second)");
        });
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).contains("reloaded watched in ");
    }

    @Test
    @Order(2)
    void a_one_file_change_compiles_only_that_file_and_still_rewrites_the_zip() throws Exception {
        int reloadsBefore = stack.recorder().reloads().size();

        project.writeHandler("v2b");

        ReloadEvent reload = awaitReload(reloadsBefore, ReloadEvent.Kind.CODE);
        assertThat(reload.succeeded()).as(reload.detail()).isTrue();
        assertThat(reload.detail()).contains("watched: 1 of 2 source files (incremental)");
        awaitAnswer("/version", body -> body.startsWith("v2b "));
        awaitZipEntry("dev/fnbundle/watched/WatchedHandler.class", "v2b");
        try (var zip = new ZipFile(project.zip().toFile())) {
            assertThat(zip.getEntry("dev/fnbundle/watched/Words.class")).isNotNull();
        }
    }

    @Test
    @Order(3)
    void the_functions_zip_is_rewritten_with_the_new_code() throws Exception {
        project.writeNote("zipped");
        awaitAnswer("/version", body -> body.endsWith(" zipped"));

        String note = null;
        for (long end = System.nanoTime() + Duration.ofMinutes(1).toNanos(); System.nanoTime() < end; ) {
            try (var zip = new ZipFile(project.zip().toFile())) {
                note = new String(zip.getInputStream(zip.getEntry("note.txt")).readAllBytes(),
                        StandardCharsets.UTF_8).trim();
                if (note.equals("zipped")) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        assertThat(note).isEqualTo("zipped");
        try (var zip = new ZipFile(project.zip().toFile())) {
            assertThat(zip.getEntry("dev/fnbundle/watched/WatchedHandler.class")).isNotNull();
            assertThat(zip.getEntry("lib/common-1.0.0-SNAPSHOT.jar")).isNotNull();
        }
    }

    @Test
    @Order(4)
    void a_change_that_does_not_compile_keeps_the_old_code_serving_and_prints_the_compilers_error()
            throws Exception {
        String serving = get("/version").body();
        int reloadsBefore = stack.recorder().reloads().size();

        WatchedProject.write(project.handlerSource(), WatchedProject.HANDLER.replace("VERSION", "v3")
                .replace("return APIGatewayV2HTTPResponse", "return APIGatewayV2HTTPRespons"));

        ReloadEvent refused = awaitReload(reloadsBefore, ReloadEvent.Kind.CODE);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.detail()).contains("WatchedHandler.java:").contains("error:")
                .contains("APIGatewayV2HTTPRespons");
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).contains("not reloaded watched")
                .contains("error: cannot find symbol");
        assertThat(get("/version").body()).isEqualTo(serving);

        project.writeHandler("v4");
        awaitAnswer("/version", body -> body.startsWith("v4 "));
    }

    @Test
    @Order(5)
    void a_change_to_the_library_rebuilds_and_reloads_the_functions_that_carry_it() throws Exception {
        int reloadsBefore = stack.recorder().reloads().size();

        project.writeGreeting("bonjour");

        ReloadEvent reload = awaitReload(reloadsBefore, ReloadEvent.Kind.CODE);
        assertThat(reload.succeeded()).as(reload.detail()).isTrue();
        assertThat(reload.changed()).containsExactly("common");
        assertThat(reload.functions()).containsExactly("WatchedFunction");
        awaitAnswer("/version", body -> body.contains(" bonjour "));
    }

    @Test
    @Order(6)
    void a_template_change_adds_a_route_a_function_and_a_table_without_restarting_the_services() throws Exception {
        var dynamoEndpoint = stack.dynamoEndpoint();
        int reloadsBefore = stack.recorder().reloads().size();
        assertThat(get("/added").statusCode()).isEqualTo(404);

        project.writeTemplate("""
                  AddedTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                      KeySchema:
                        - AttributeName: pk
                          KeyType: HASH
                  SecondFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.fnbundle.watched.WatchedHandler::handleRequest
                      Events:
                        Added:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Api
                            Method: GET
                            Path: /added
                """);

        ReloadEvent reload = awaitReload(reloadsBefore, ReloadEvent.Kind.TEMPLATE);
        assertThat(reload.succeeded()).as(reload.detail()).isTrue();
        assertThat(reload.detail()).contains("route GET /added (SecondFunction) added")
                .contains("function SecondFunction started").contains("created");
        assertThat(get("/added").statusCode()).isEqualTo(200);
        assertThat(get("/version").statusCode()).isEqualTo(200);
        assertThat(stack.dynamoEndpoint()).isEqualTo(dynamoEndpoint);
        assertThat(stack.aws().dynamoDb().listTables().tableNames()).anyMatch(name -> name.contains("AddedTable"));

        int beforeRemoval = stack.recorder().reloads().size();
        project.writeTemplate("");
        ReloadEvent removal = awaitReload(beforeRemoval, ReloadEvent.Kind.TEMPLATE);
        assertThat(removal.detail()).contains("route GET /added (SecondFunction) removed")
                .contains("function SecondFunction stopped");
        assertThat(get("/added").statusCode()).isEqualTo(404);
        assertThat(stack.pools()).containsOnlyKeys("WatchedFunction");
    }

    @Test
    @Order(7)
    void a_template_that_does_not_resolve_is_refused_and_the_running_one_stays() throws Exception {
        int reloadsBefore = stack.recorder().reloads().size();

        project.writeTemplate("""
                  Broken:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Environment:
                        Variables:
                          SHARED: !ImportValue other-stack-output
                """);

        ReloadEvent refused = awaitReload(reloadsBefore, ReloadEvent.Kind.TEMPLATE);
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.detail()).contains("Fn::ImportValue");
        assertThat(get("/version").statusCode()).isEqualTo(200);
        project.writeTemplate("");
    }

    /** Waits until the function's zip holds {@code entry} with {@code text} in it (zips are written after the swap). */
    private static void awaitZipEntry(String entry, String text) throws Exception {
        String content = null;
        for (long end = System.nanoTime() + Duration.ofMinutes(1).toNanos(); System.nanoTime() < end; ) {
            try (var zip = new ZipFile(project.zip().toFile())) {
                var found = zip.getEntry(entry);
                content = found == null ? null
                        : new String(zip.getInputStream(found).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (content != null && content.contains(text)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(entry + " of the zip never held " + text);
    }

    private static ReloadEvent awaitReload(int before, ReloadEvent.Kind kind) throws InterruptedException {
        long end = System.nanoTime() + RELOAD_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            var reloads = stack.recorder().reloads();
            for (int i = before; i < reloads.size(); i++) {
                if (reloads.get(i).kind() == kind) {
                    return reloads.get(i);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " reload within " + RELOAD_LIMIT + "; console:\n" + CONSOLE);
    }

    private static void awaitAnswer(String path, Predicate<String> expected) throws Exception {
        long end = System.nanoTime() + RELOAD_LIMIT.toNanos();
        String last = null;
        while (System.nanoTime() < end) {
            last = get(path).body();
            if (expected.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still answering '" + last + "'; console:\n" + CONSOLE);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + path))
                .timeout(Duration.ofMinutes(2)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
