package dev.fnbundle.local.webconsole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.mail.LocalMailServer;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The demo mailbox in GreenMail, for the Mail page: its folders and messages (read from GreenMail's store, so
 * looking marks nothing as seen), a sample invoice sent to it over SMTP like any mail, and a poll asked for
 * through the HTTP API with the dev token, as a user would ask for one.
 */
final class MailOperations {
    static final String POLL_ROUTE = "POST /mailboxes/{id}/poll";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGES = 50;

    private final BundleRuntime stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MailOperations(BundleRuntime stack) {
        this.stack = stack;
    }

    /** One message as the page lists it. */
    record Summary(long uid, String from, String subject, Instant received, boolean seen, String body) {
    }

    /** A folder with its newest messages. */
    record Folder(String name, int count, int unseen, List<Summary> messages) {
    }

    boolean served() {
        return stack.mail() != null;
    }

    /** The demo account's folders, INBOX first. */
    List<Folder> folders() throws FolderException {
        GreenMailUser user = demoUser();
        var folders = new ArrayList<Folder>();
        var hostManager = stack.mail().greenMail().getManagers().getImapHostManager();
        List<MailFolder> all = new ArrayList<>(hostManager.listMailboxes(user, "*"));
        all.sort(Comparator.comparing((MailFolder f) -> !f.getName().equalsIgnoreCase("INBOX"))
                .thenComparing(MailFolder::getFullName));
        for (MailFolder folder : all) {
            var messages = new ArrayList<Summary>();
            List<StoredMessage> stored = folder.getNonDeletedMessages();
            for (int i = stored.size() - 1; i >= 0 && messages.size() < MAX_MESSAGES; i--) {
                messages.add(summary(stored.get(i)));
            }
            folders.add(new Folder(folder.getName(), stored.size(), folder.getUnseenCount(), messages));
        }
        return folders;
    }

    /** Sends a sample invoice mail to the demo account through GreenMail's SMTP port; returns its subject. */
    String sendSampleInvoice() {
        int number = ThreadLocalRandom.current().nextInt(1000, 10_000);
        String subject = "Invoice INV-" + number;
        String amount = String.format(Locale.ROOT, "%,d.%02d", ThreadLocalRandom.current().nextInt(50, 5000),
                ThreadLocalRandom.current().nextInt(100));
        String body = "Dear customer,\r\n\r\nPlease find invoice INV-" + number + ".\r\n\r\nAmount due: $" + amount
                + "\r\nDue date: " + LocalDate.now().plusDays(30) + "\r\n\r\nAcme Billing\r\n";
        var smtp = new ServerSetup(stack.mail().ports().smtp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMailUtil.sendTextEmail(LocalMailServer.DEMO_USER, "billing@acme.example", subject, body, smtp);
        return subject;
    }

    /** True when the template has the route that asks for a poll. */
    boolean canPoll() {
        return pollFunction() != null;
    }

    /**
     * Asks the email API to poll the demo mailbox now.
     *
     * @return what happened, in a sentence
     * @throws IOException when the API cannot be reached or refuses
     */
    String poll() throws IOException, InterruptedException {
        String id = null;
        HttpResponse<String> list = call("GET", "/mailboxes?limit=100");
        if (list.statusCode() != 200) {
            throw new IOException("GET /mailboxes answered " + list.statusCode());
        }
        for (JsonNode mailbox : MAPPER.readTree(list.body()).path("mailboxes")) {
            if (LocalMailServer.DEMO_USER.equals(mailbox.path("username").asText())
                    && mailbox.path("port").asInt() == stack.mail().ports().imaps()) {
                id = mailbox.path("id").asText();
            }
        }
        if (id == null) {
            throw new IOException("the demo mailbox is not registered (see the runtime's start-up lines)");
        }
        HttpResponse<String> poll = call("POST", "/mailboxes/" + id + "/poll");
        if (poll.statusCode() / 100 != 2) {
            throw new IOException("POST /mailboxes/" + id + "/poll answered " + poll.statusCode());
        }
        return "poll of mailbox " + id + " queued (" + poll.statusCode() + ")";
    }

    /** The functions of the mail module: the one serving the poll route and those built from the same code. */
    Set<String> mailFunctions() {
        FunctionSpec api = pollFunction();
        if (api == null) {
            return Set.of();
        }
        return stack.model().functions().values().stream().filter(f -> f.codeUri().equals(api.codeUri()))
                .map(FunctionSpec::logicalId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private FunctionSpec pollFunction() {
        return stack.model().functions().values().stream().filter(f -> f.events(EventSpec.HttpApiRoute.class)
                .stream().anyMatch(route -> route.routeKey().equals(POLL_ROUTE))).findFirst().orElse(null);
    }

    private HttpResponse<String> call(String method, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (stack.devToken() != null) {
            request.header("Authorization", "Bearer " + stack.devToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private GreenMailUser demoUser() {
        return stack.mail().greenMail().getManagers().getUserManager().getUserByEmail(LocalMailServer.DEMO_USER);
    }

    private static Summary summary(StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        String from;
        String subject;
        try {
            from = message.getFrom() == null ? "" : GreenMailUtil.getAddressList(message.getFrom());
            subject = message.getSubject();
        } catch (MessagingException e) {
            from = "";
            subject = "(unreadable: " + e.getMessage() + ")";
        }
        String body = Views.cut(GreenMailUtil.getBody(message), 2000);
        return new Summary(stored.getUid(), from, subject, stored.getReceivedDate().toInstant(),
                stored.isSet(Flags.Flag.SEEN), body);
    }
}
