package dev.fnbundle.local;

import static dev.fnbundle.local.BundleStack.await;
import static dev.fnbundle.local.BundleStack.call;
import static dev.fnbundle.local.BundleStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.StoredMessage;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.mail.DemoMailbox;
import dev.fnbundle.local.mail.LocalMailServer;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The email poller through the local runtime: the demo mailbox registered at start, mail sent to it over
 * GreenMail's SMTP, a poll through POST /mailboxes/{id}/poll, the poll task queue and the poller (IMAPS with
 * certificate and host-name checks against GreenMail), then GET /invoices and GET /invoices.csv.
 */
class EmailPollerEndToEndTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void invoices_mailed_to_the_demo_account_show_up_once_after_a_poll_and_are_archived() throws Exception {
        BundleRuntime stack = BundleStack.shared();
        String id = demoMailboxId();
        assertThat(BundleStack.console()).contains("demo mailbox demo@localhost registered as " + id);
        JsonNode initial = mailbox(id).get("status").path("lastPollAt");
        send(stack, "Invoice E2E-" + RUN + "-1 from Acme", "Invoice number: E2E-" + RUN + "-1\nTotal: $120.50\n");
        send(stack, "Your invoice E2E-" + RUN + "-2", "Amount due: $1,999.00\nDue date: 2026-07-01\n");
        send(stack, "=1+1 invoice " + RUN, "Total: $7.25\n");
        send(stack, "Lunch on Friday? " + RUN, "Total: $12.00 for pizza\n");

        var accepted = call("POST", "/mailboxes/" + id + "/poll", null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        // the status is written when a poll has archived everything it recorded
        await("the poll to finish", () -> mine(invoices(id)).size() == 3
                && !mailbox(id).get("status").path("lastPollAt").equals(initial)
                && subjects(stack, "Archive").stream().filter(s -> s.contains(RUN)).count() == 3);

        List<JsonNode> recorded = mine(invoices(id));
        assertThat(recorded).extracting(i -> i.get("amount").asText())
                .containsExactlyInAnyOrder("120.50", "1999.00", "7.25");
        assertThat(recorded).extracting(i -> i.get("id").asText()).doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith(id + "#"));
        var csv = call("GET", "/invoices.csv?mailbox=" + id, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type")).contains("text/csv; charset=utf-8");
        assertThat(csv.body()).startsWith("date,from,subject,amount,currency,invoiceNumber,dueDate,vendor,mailbox,"
                + "messageId\r\n");
        assertThat(csv.body().lines().filter(l -> l.contains(RUN))).hasSize(3)
                .anyMatch(l -> l.contains(",'=1+1 invoice " + RUN + ",7.25,USD,"));
        assertThat(subjects(stack, "Archive")).filteredOn(s -> s.contains(RUN)).hasSize(3);
        assertThat(subjects(stack, "INBOX")).filteredOn(s -> s.contains(RUN)).containsExactly("Lunch on Friday? "
                + RUN);
        assertThat(seen(stack, "Archive")).isTrue();

        JsonNode before = mailbox(id).get("status");
        assertThat(before.get("state").asText()).isEqualTo("OK");
        assertThat(before.get("lastPoll").get("invoices").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(call("POST", "/mailboxes/" + id + "/poll", null).statusCode()).isEqualTo(202);
        await("a second poll", () -> !mailbox(id).get("status").get("lastPollAt").equals(before.get("lastPollAt")));

        JsonNode after = mailbox(id).get("status");
        assertThat(after.get("state").asText()).isEqualTo("OK");
        assertThat(after.get("lastPoll").get("invoices").asInt()).isZero();
        assertThat(mine(invoices(id))).hasSize(3);
    }

    @Test
    void a_mailbox_with_a_wrong_password_shows_why_its_polls_fail() {
        BundleRuntime stack = BundleStack.shared();
        var created = call("POST", "/mailboxes", "{\"host\": \"127.0.0.1\", \"port\": " + stack.mail().ports().imaps()
                + ", \"username\": \"demo@localhost\", \"password\": \"not-the-password\", \"folder\": \"Drafts\","
                + " \"search\": {\"subject\": \"invoice\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();

        call("POST", "/mailboxes/" + id + "/poll", null);
        await("the failed poll's status", () -> mailbox(id).get("status").get("state").asText()
                .equals("AUTH_FAILED"));

        JsonNode status = mailbox(id).get("status");
        assertThat(status.get("error").asText()).contains("login refused");
        assertThat(mailbox(id).toString()).doesNotContain("not-the-password");
        assertThat(call("DELETE", "/mailboxes/" + id, null).statusCode()).isEqualTo(204);
    }

    @Test
    void registering_the_demo_mailbox_again_as_a_persisted_stack_does_keeps_the_one_registration() {
        BundleRuntime stack = BundleStack.shared();
        String id = demoMailboxId();
        var out = new ByteArrayOutputStream();

        DemoMailbox.registerIfServed(stack.model(), stack.mail(), stack.port(), stack.devToken(),
                new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false));

        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("demo mailbox demo@localhost is registered already as " + id);
        var demos = new ArrayList<String>();
        json(call("GET", "/mailboxes", null)).get("mailboxes").forEach(m -> {
            if (m.get("username").asText().equals(LocalMailServer.DEMO_USER) && m.get("folder").asText()
                    .equals("INBOX")) {
                demos.add(m.get("id").asText());
            }
        });
        assertThat(demos).containsExactly(id);
    }

    private static String demoMailboxId() {
        for (JsonNode mailbox : json(call("GET", "/mailboxes", null)).get("mailboxes")) {
            if (mailbox.get("username").asText().equals(LocalMailServer.DEMO_USER)
                    && mailbox.get("folder").asText().equals("INBOX")) {
                return mailbox.get("id").asText();
            }
        }
        throw new AssertionError("no demo mailbox; console:\n" + BundleStack.console());
    }

    private static JsonNode mailbox(String id) {
        return json(call("GET", "/mailboxes/" + id, null));
    }

    private static JsonNode invoices(String id) {
        var response = call("GET", "/invoices?mailbox=" + id + "&limit=1000", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("invoices");
    }

    private static List<JsonNode> mine(JsonNode invoices) {
        var mine = new ArrayList<JsonNode>();
        invoices.forEach(i -> {
            if (i.path("subject").asText().contains(RUN)) {
                mine.add(i);
            }
        });
        return mine;
    }

    private static void send(BundleRuntime stack, String subject, String body) throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(stack.mail().ports().smtp()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("billing@acme.example", false));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(LocalMailServer.DEMO_USER, false));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    private static List<StoredMessage> messages(BundleRuntime stack, String folder) {
        var greenMail = stack.mail().greenMail();
        var user = greenMail.getUserManager().getUser(LocalMailServer.DEMO_USER);
        var mailFolder = greenMail.getManagers().getImapHostManager().getFolder(user, folder);
        return mailFolder == null ? List.of() : mailFolder.getMessages();
    }

    private static List<String> subjects(BundleRuntime stack, String folder) {
        var subjects = new ArrayList<String>();
        for (StoredMessage message : messages(stack, folder)) {
            try {
                subjects.add(message.getMimeMessage().getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    private static boolean seen(BundleRuntime stack, String folder) {
        return messages(stack, folder).stream().allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }
}
