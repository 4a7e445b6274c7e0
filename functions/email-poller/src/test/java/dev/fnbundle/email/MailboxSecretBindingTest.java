package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.common.testing.ApiEvents;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.email.listing.InvoiceQuery;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import dev.fnbundle.email.poll.RecordKind;
import dev.fnbundle.email.registry.MailboxStatus;
import dev.fnbundle.email.support.FakeSecretsManager;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.TestTls;
import dev.fnbundle.embedded.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mailbox secret is bound to the mailbox it was made for (issue 13): whoever registers someone else's secret
 * name with a host of their choosing gets a refusal before any connection, not the password on their server, and
 * learns nothing about the secret from the answers. The poller runs as Lambda runs it, against GreenMail over
 * IMAPS and Secrets Manager's wire protocol served locally; the registration goes through the HTTP handler.
 */
class MailboxSecretBindingTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps().withPerMethodLifecycle(false);
    private static final String PREFIX = "fnbundle/mailboxes/";

    private static FakeSecretsManager secrets;
    private static AttackerServer attacker;
    private static PollerWiring poller;
    private static EmailWiring registry;
    private static Map<String, String> apiEnvironment;
    private final FakeLambdaContext context = new FakeLambdaContext("email-poller");
    private final String login = "ap-" + UUID.randomUUID();
    private final GreenMailBox box = new GreenMailBox(GREEN_MAIL, login);

    @BeforeAll
    static void wire() {
        secrets = new FakeSecretsManager();
        attacker = new AttackerServer();
        var aws = LocalAws.shared();
        aws.provisionTable("EmailTable");
        aws.provisionQueue("PollTaskQueue");
        aws.provisionQueue("InvoiceEventsQueue");
        var trust = TestTls.install();
        var environment = new HashMap<>(aws.functionEnvironment("EmailPollerFunction"));
        // Local mode only for the loopback hosts GreenMail and the attacker listen on; secret references still
        // go to Secrets Manager, as in AWS.
        environment.put("ALLOW_INLINE_MAILBOX_PASSWORDS", "true");
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        environment.put("IMAP_TRUSTSTORE_PATH", trust.path().toString());
        environment.put("IMAP_TRUSTSTORE_PASSWORD", trust.password().get());
        environment.put("IMAP_CONNECT_TIMEOUT_MS", "3000");
        environment.put("IMAP_READ_TIMEOUT_MS", "10000");
        poller = PollerWiring.from(environment);
        registry = EmailWiring.from(Env.of(environment));
        apiEnvironment = new HashMap<>(aws.functionEnvironment("EmailApiFunction"));
        apiEnvironment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        attacker.close();
        secrets.close();
    }

    private String secretFor(String host, String username, String password) {
        String name = PREFIX + UUID.randomUUID();
        ObjectNode value = Json.mapper().createObjectNode().put("host", host).put("username", username)
                .put("password", password);
        secrets.put(name, value.toString());
        return name;
    }

    private String register(String host, int port, String folder, String secretName) {
        return registry.mailboxes().register(new MailboxRegistration(host, port, login, secretName, null, folder,
                "Archive", new MailboxRegistration.Search("invoice", null, null, null))).mailbox().id();
    }

    private boolean pollFails(String mailboxId) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("not-a-real-receipt-handle");
        message.setBody("{\"mailboxId\": \"" + mailboxId + "\", \"reason\": \"manual\"}");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return !new EmailPollerHandler(poller).handleRequest(event, context).getBatchItemFailures().isEmpty();
    }

    private MailboxStatus status(String id) {
        return registry.mailboxes().get(id).status();
    }

    @Test
    void a_secret_registered_with_another_host_is_never_sent_there_and_the_mailbox_says_secret_unusable() {
        // given the victim's secret, made for their mailbox on localhost
        GREEN_MAIL.setUser(login + "@example.com", login, "victims-password");
        String victims = secretFor("localhost", login, "victims-password");
        int connectionsBefore = attacker.connections();

        // when someone registers it with their own server and a poll runs
        String id = register("127.0.0.1", attacker.port(), "INBOX", victims);
        boolean failed = pollFails(id);

        // then the poller never connected there, and the status says why without a word about the secret
        assertThat(failed).isTrue();
        assertThat(attacker.connections()).isEqualTo(connectionsBefore);
        assertThat(status(id).state()).isEqualTo("SECRET_UNUSABLE");
        assertThat(status(id).error()).startsWith("secret unusable").doesNotContain("victims-password")
                .doesNotContain("localhost").doesNotContain(victims);
    }

    @Test
    void a_secret_made_for_the_mailbox_logs_in_and_its_invoices_are_recorded() {
        GREEN_MAIL.setUser(login + "@example.com", login, "right-password");
        box.append("INBOX", Fixtures.eml("plain-usd.eml"));
        String secret = secretFor("LOCALHOST.", login, "right-password");

        String id = register("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX", secret);

        assertThat(pollFails(id)).isFalse();
        assertThat(status(id).state()).isEqualTo("OK");
        assertThat(registry.invoices().page(new InvoiceQuery(RecordKind.INVOICE, id, null, null, 10, null))
                .records()).singleElement().satisfies(r -> assertThat(r.record().fields().amount())
                        .isEqualTo("1080.00"));
    }

    @Test
    void a_missing_a_denied_a_plain_and_a_mismatched_secret_look_the_same_on_the_mailbox() {
        // given secrets that cannot be used for this mailbox, for every reason there is
        GREEN_MAIL.setUser(login + "@example.com", login, "right-password");
        int port = GREEN_MAIL.getImaps().getPort();
        String denied = secretFor("localhost", login, "right-password");
        secrets.deny(denied);
        String plain = PREFIX + UUID.randomUUID();
        secrets.put(plain, "right-password");
        ObjectNode otherPort = Json.mapper().createObjectNode().put("host", "localhost").put("username", login)
                .put("password", "right-password").put("port", port + 1);
        String wrongPort = PREFIX + UUID.randomUUID();
        secrets.put(wrongPort, otherPort.toString());
        List<String> names = List.of(PREFIX + "missing-" + UUID.randomUUID(), denied, plain, wrongPort,
                secretFor("localhost", login + "-other", "right-password"),
                secretFor("imap.elsewhere.example", login, "right-password"));

        // when each is registered for the mailbox (a folder each, so none is a duplicate) and polled
        var statuses = names.stream().map(name -> {
            String id = register("localhost", port, "Folder-" + names.indexOf(name), name);
            assertThat(pollFails(id)).as(name).isTrue();
            return status(id);
        }).toList();

        // then every status reads the same
        assertThat(statuses).extracting(MailboxStatus::state).containsOnly("SECRET_UNUSABLE");
        assertThat(statuses).extracting(MailboxStatus::error).containsOnly(statuses.getFirst().error());
    }

    @Test
    void registration_answers_the_same_whether_the_secret_is_missing_denied_or_made_for_another_mailbox() {
        String denied = secretFor("imap.victim.example", "victim", "pw");
        secrets.deny(denied);
        List<String> names = List.of(PREFIX + "missing-" + UUID.randomUUID(), denied,
                secretFor("imap.victim.example", "victim", "pw"));
        var handler = new EmailApiHandler(EmailWiring.from(Env.of(apiEnvironment)));
        int requestsBefore = secrets.requests().size();

        var answers = names.stream().map(name -> {
            var body = Json.mapper().createObjectNode().put("host", "imap.attacker.example").put("username", login)
                    .put("passwordSecret", name).put("folder", "Folder-" + names.indexOf(name));
            body.putObject("search").put("subject", "invoice");
            APIGatewayV2HTTPEvent event = ApiEvents.request("POST /mailboxes", "/mailboxes", body.toString());
            return handler.handleRequest(event, context);
        }).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(201));
        // the same answer but for the id, the time and the folder that keeps the registrations apart
        assertThat(answers).extracting(a -> ((ObjectNode) Json.parse(a.getBody()))
                .remove(List.of("id", "createdAt", "folder"))).containsOnly(((ObjectNode) Json.parse(
                        answers.getFirst().getBody())).remove(List.of("id", "createdAt", "folder")));
        // Secrets Manager is not asked at registration at all: nothing to tell apart, in time or in the answer.
        assertThat(secrets.requests()).hasSize(requestsBefore);
    }

    /** A server of the attacker's: it counts connections and closes each at once. */
    private static final class AttackerServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        AttackerServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofPlatform().daemon().name("attacker").start(() -> {
                while (!socket.isClosed()) {
                    try (Socket ignored = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
