package dev.fnbundle.local.webconsole;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.embedded.template.TableSpec;
import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.api.HttpApiGateway;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The browser console at {@code /_local/console/}: eight server-rendered pages (overview, invocations, logs,
 * queues, tables, schedules, API, mail) with a little script of its own, and {@code /_local/openapi.json}. It is
 * served by the gateway's local routes, so the loopback Host and same-origin checks come first; on top of them
 * every action is a POST that must carry the page's per-start token in a header, and every answer carries a
 * strict Content-Security-Policy.
 */
public final class WebConsole implements AutoCloseable {
    /** Pages without pages below them. */
    private static final java.util.Set<String> SINGLE_PAGES = java.util.Set.of("schedules", "mail");
    private final BundleRuntime stack;
    private final String token;
    private final Layout layout;
    private final EventStream streams = new EventStream();
    private final StaticFiles files = new StaticFiles();
    private final OpenApiDocument openApi;
    private final OverviewPage overview;
    private final InvocationsPage invocations;
    private final LogsPage logs;
    private final QueuesPage queues;
    private final TablesPage tables;
    private final SchedulesPage schedules;
    private final ApiPage api;
    private final MailPage mail;
    private final ConsoleActions actions;

    private WebConsole(BundleRuntime stack, Path root) {
        this.stack = stack;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.layout = new Layout(token);
        this.openApi = new OpenApiDocument(root);
        var queueOperations = new QueueOperations(stack.aws().sqs(), stack.model());
        var mailOperations = new MailOperations(stack);
        this.overview = new OverviewPage(stack);
        this.invocations = new InvocationsPage(stack);
        this.logs = new LogsPage(stack);
        this.queues = new QueuesPage(stack, queueOperations);
        this.tables = new TablesPage(stack, new TableOperations(stack.aws().dynamoDb()));
        this.schedules = new SchedulesPage(stack);
        this.api = new ApiPage(stack, openApi);
        this.mail = new MailPage(stack, mailOperations);
        this.actions = new ConsoleActions(stack, queueOperations, mailOperations);
    }

    /**
     * Serves the console and the OpenAPI document on the gateway.
     *
     * @param root the directory of template.yaml (the OpenAPI document is {@code infra/openapi.yaml} in it)
     */
    public static WebConsole install(HttpApiGateway gateway, BundleRuntime stack, Path root) {
        var console = new WebConsole(stack, root);
        gateway.local("/_local/console", exchange -> new ConsoleExchange(exchange, "").redirect(Layout.ROOT));
        gateway.local(Layout.ROOT, console::handle);
        gateway.local("/_local/openapi.json", console::serveOpenApi);
        return console;
    }

    private void handle(HttpExchange raw) throws IOException {
        String path = raw.getRequestURI().getRawPath().substring(Layout.ROOT.length());
        var exchange = new ConsoleExchange(raw, path);
        try {
            if (exchange.method().equals("POST")) {
                if (!exchange.provesSameOrigin(token)) {
                    exchange.problem(403, "Forbidden", "console actions need the token of a console page in the "
                            + ConsoleExchange.TOKEN_HEADER + " header");
                    return;
                }
                actions.handle(exchange, segments(path));
            } else if (exchange.method().equals("GET")) {
                get(exchange, segments(path));
            } else {
                exchange.raw().getResponseHeaders().set("allow", "GET, POST");
                exchange.problem(405, "Method Not Allowed", "the console answers GET, and POST for actions");
            }
        } catch (ConsoleExchange.FormTooLargeException e) {
            exchange.problem(413, "Content Too Large", e.getMessage());
        } catch (TableOperations.InvalidKeyException e) {
            exchange.problem(400, "Bad Request", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            exchange.problem(500, "Internal Server Error", "the console could not answer: " + e);
        }
    }

    private void get(ConsoleExchange exchange, String[] path) throws Exception {
        String first = path.length == 0 ? "" : path[0];
        if (path.length > 1 && SINGLE_PAGES.contains(first)) {
            notFound(exchange);
            return;
        }
        switch (first) {
            case "" -> exchange.page(layout.page("", "Overview", overview.render()));
            case "static" -> files.serveOwn(exchange, path.length == 2 ? path[1] : "");
            case "webjars" -> files.serveWebjar(exchange, path);
            case "invocations" -> invocations(exchange, path);
            case "logs" -> {
                if (path.length > 2 || path.length == 2 && !path[1].equals("stream")) {
                    notFound(exchange);
                } else if (path.length == 2) {
                    streams.serve(exchange, logs.feed(exchange));
                } else {
                    exchange.page(layout.page("logs", "Logs", logs.render(exchange)));
                }
            }
            case "queues" -> queues(exchange, path);
            case "tables" -> tables(exchange, path);
            case "schedules" -> exchange.page(layout.page("schedules", "Schedules", schedules.render()));
            case "api" -> {
                if (path.length > 2 || path.length == 2 && !path[1].equals("docs")) {
                    notFound(exchange);
                } else if (path.length == 2) {
                    exchange.page(layout.page("api", "OpenAPI", ApiPage.docs(), ApiPage.docsHead()));
                } else {
                    exchange.page(layout.page("api", "API", api.render()));
                }
            }
            case "mail" -> exchange.page(layout.page("mail", "Mail", mail.render()));
            default -> notFound(exchange);
        }
    }

    private void invocations(ConsoleExchange exchange, String[] path) throws Exception {
        if (path.length == 1) {
            exchange.page(layout.page("invocations", "Invocations", invocations.list(exchange)));
        } else if (path[1].equals("stream")) {
            streams.serve(exchange, invocations.feed(exchange));
        } else {
            Html detail = invocations.detail(path[1]);
            if (detail == null) {
                notFound(exchange);
            } else {
                exchange.page(layout.page("invocations", "Invocation", detail));
            }
        }
    }

    private void queues(ConsoleExchange exchange, String[] path) throws Exception {
        if (path.length == 1) {
            exchange.page(layout.page("queues", "Queues", queues.list()));
            return;
        }
        QueueSpec queue = stack.model().queues().get(path[1]);
        if (queue == null || path.length > 2) {
            notFound(exchange);
        } else {
            exchange.page(layout.page("queues", "Queue " + queue.logicalId(), queues.detail(queue)));
        }
    }

    private void tables(ConsoleExchange exchange, String[] path) throws Exception {
        if (path.length == 1) {
            exchange.page(layout.page("tables", "Tables", tables.list()));
            return;
        }
        TableSpec table = stack.model().tables().get(path[1]);
        if (table == null) {
            notFound(exchange);
        } else if (path.length == 3 && path[2].equals("item")) {
            Html item = tables.item(table, exchange.query("key"));
            if (item == null) {
                notFound(exchange);
            } else {
                exchange.page(layout.page("tables", "Item of " + table.logicalId(), item));
            }
        } else {
            exchange.page(layout.page("tables", "Table " + table.logicalId(), tables.browse(table, exchange)));
        }
    }

    private void serveOpenApi(HttpExchange raw) throws IOException {
        var exchange = new ConsoleExchange(raw, "");
        if (!exchange.method().equals("GET")) {
            exchange.problem(405, "Method Not Allowed", "GET /_local/openapi.json");
        } else if (!openApi.exists()) {
            exchange.problem(404, "Not Found", "no OpenAPI document at " + openApi.path());
        } else {
            try {
                exchange.asset("application/json", openApi.json());
            } catch (IOException e) {
                exchange.problem(500, "Internal Server Error", e.getMessage());
            }
        }
    }

    private void notFound(ConsoleExchange exchange) throws IOException {
        exchange.problem(404, "Not Found", "the console has no page at /_local/console/" + exchange.path());
    }

    /** The path's segments, each percent-decoded; empty for the root. */
    static String[] segments(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] segments = trimmed.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            try {
                segments[i] = URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                segments[i] = "";
            }
        }
        return segments;
    }

    /** The per-start token a page's actions carry (for tests). */
    String token() {
        return token;
    }

    /** Live streams open now. */
    int openStreams() {
        return streams.open();
    }

    @Override
    public void close() {
        streams.close();
    }

    static Map<String, String> message(String text) {
        return Map.of("message", text);
    }
}
