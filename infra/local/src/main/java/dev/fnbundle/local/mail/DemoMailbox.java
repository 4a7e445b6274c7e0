package dev.fnbundle.local.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.local.console.Console;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers GreenMail's demo account ({@code demo@localhost}, folder INBOX, archive folder Archive, subject
 * "invoice") as a mailbox of the email poller when the stack starts, so mail sent to it over SMTP shows up as
 * invoices after a poll. It goes through the running HTTP API with the dev token, like any user's registration
 * (same handler, same validation; the inline password works because the local runtime allows inline mailbox
 * passwords). With {@code --persist} the registration survives restarts: an existing one for the current IMAPS
 * port is kept, and ones for ports of earlier runs are deleted.
 */
public final class DemoMailbox {
    static final String ROUTE = "POST /mailboxes";
    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private DemoMailbox(int apiPort, String token) {
        this.base = "http://127.0.0.1:" + apiPort;
        this.token = token;
    }

    /**
     * Registers the demo mailbox when the template serves {@code POST /mailboxes} and the mail server runs; says
     * what it did in one console line, and never fails the start (a warning instead).
     */
    public static void registerIfServed(StackModel model, LocalMailServer mail, int apiPort, String token,
                                        Console console) {
        boolean served = model.functions().values().stream().flatMap(f -> f.events(EventSpec.HttpApiRoute.class)
                .stream()).anyMatch(route -> route.routeKey().equals(ROUTE));
        if (mail == null || !served) {
            return;
        }
        try {
            console.info(new DemoMailbox(apiPort, token).register(mail));
        } catch (IOException | RuntimeException e) {
            console.warning("the demo mailbox was not registered: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.warning("the demo mailbox was not registered: interrupted");
        }
    }

    private String register(LocalMailServer mail) throws IOException, InterruptedException {
        int port = mail.ports().imaps();
        for (JsonNode existing : demoMailboxes()) {
            String id = existing.path("id").asText();
            if (existing.path("port").asInt() == port) {
                return "demo mailbox " + LocalMailServer.DEMO_USER + " is registered already as " + id;
            }
            // Registered by an earlier run whose IMAPS port was another: it can never be polled again.
            send("DELETE", "/mailboxes/" + id, null);
        }
        ObjectNode body = MAPPER.createObjectNode().put("host", HOST).put("port", port)
                .put("username", LocalMailServer.DEMO_USER).put("password", LocalMailServer.DEMO_PASSWORD)
                .put("folder", "INBOX").put("archiveFolder", "Archive");
        body.putObject("search").put("subject", "invoice");
        HttpResponse<String> response = send("POST", "/mailboxes", MAPPER.writeValueAsString(body));
        if (response.statusCode() != 201) {
            throw new IOException("POST /mailboxes answered " + response.statusCode() + ": "
                    + MAPPER.readTree(response.body()).path("detail").asText());
        }
        return "demo mailbox " + LocalMailServer.DEMO_USER + " registered as "
                + MAPPER.readTree(response.body()).path("id").asText() + " (IMAPS " + HOST + ":" + port
                + ", INBOX -> Archive, subject \"invoice\"): mail sent to SMTP " + HOST + ":" + mail.ports().smtp()
                + " shows up in GET /invoices after a poll (POST /mailboxes/{id}/poll, or the schedule)";
    }

    private List<JsonNode> demoMailboxes() throws IOException, InterruptedException {
        var found = new ArrayList<JsonNode>();
        String next = null;
        do {
            String query = "/mailboxes?limit=100" + (next == null ? ""
                    : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> response = send("GET", query, null);
            if (response.statusCode() != 200) {
                throw new IOException("GET /mailboxes answered " + response.statusCode());
            }
            JsonNode page = MAPPER.readTree(response.body());
            for (JsonNode mailbox : page.path("mailboxes")) {
                if (LocalMailServer.DEMO_USER.equals(mailbox.path("username").asText())
                        && HOST.equals(mailbox.path("host").asText())
                        && "INBOX".equals(mailbox.path("folder").asText())) {
                    found.add(mailbox);
                }
            }
            next = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
        } while (next != null);
        return found;
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
