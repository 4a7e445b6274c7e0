package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import dev.fnbundle.email.support.FakeSecretsManager;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.TestTls;
import dev.fnbundle.embedded.LocalAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IMAP trust store's password is no plain environment value in AWS (issue 13): the poller reads it from the
 * secret {@code IMAP_TRUSTSTORE_PASSWORD_SECRET} names, once per execution environment and only when a poll first
 * needs it (not at init, so a SnapStart snapshot never holds it), and an AWS deployment that still carries a
 * plaintext password in its environment does not start.
 */
class TrustStorePasswordSecretTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps().withPerMethodLifecycle(false);
    private static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:imap-trust";

    private static FakeSecretsManager secrets;
    private static Map<String, String> environment;
    private final String login = "user-" + UUID.randomUUID();

    @BeforeAll
    static void wire() {
        secrets = new FakeSecretsManager();
        var aws = LocalAws.shared();
        aws.provisionTable("EmailTable");
        aws.provisionQueue("PollTaskQueue");
        aws.provisionQueue("InvoiceEventsQueue");
        var trust = TestTls.install();
        secrets.put(SECRET_ARN, trust.password().get());
        environment = new HashMap<>(aws.functionEnvironment("EmailPollerFunction"));
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        environment.put("IMAP_TRUSTSTORE_PATH", trust.path().toString());
        environment.remove("IMAP_TRUSTSTORE_PASSWORD");
        environment.remove("LOCAL_MAILBOX_PASSWORD");
        environment.put("IMAP_TRUSTSTORE_PASSWORD_SECRET", SECRET_ARN);
        environment.put("IMAP_CONNECT_TIMEOUT_MS", "3000");
        environment.put("IMAP_READ_TIMEOUT_MS", "10000");
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    private static SQSEvent task(String mailboxId) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setReceiptHandle("not-a-real-receipt-handle");
        message.setBody("{\"mailboxId\": \"" + mailboxId + "\", \"reason\": \"manual\"}");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        var event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }

    private long trustStoreReads() {
        return secrets.requestedIds().stream().filter(SECRET_ARN::equals).count();
    }

    @Test
    void the_trust_store_password_is_read_from_its_secret_once_when_the_first_poll_needs_it() {
        // given a poller over IMAPS whose trust store password is only in Secrets Manager (local mode for the
        // loopback GreenMail; the password comes from the secret all the same)
        var env = new HashMap<>(environment);
        env.put("ALLOW_INLINE_MAILBOX_PASSWORDS", "true");
        GREEN_MAIL.setUser(login + "@example.com", login, "pw");
        new GreenMailBox(GREEN_MAIL, login).append("INBOX", Fixtures.eml("plain-usd.eml"));
        long before = trustStoreReads();

        // when the poller starts and then polls twice
        var wiring = PollerWiring.from(env);
        long afterInit = trustStoreReads();
        String id = EmailWiring.from(Env.of(env)).mailboxes().register(new MailboxRegistration("localhost",
                GREEN_MAIL.getImaps().getPort(), login, null, "pw", "INBOX", "Archive",
                new MailboxRegistration.Search("invoice", null, null, null))).mailbox().id();
        var handler = new EmailPollerHandler(wiring);
        var context = new FakeLambdaContext("email-poller");
        var first = handler.handleRequest(task(id), context);
        var second = handler.handleRequest(task(id), context);

        // then both polls verified GreenMail's certificate with that trust store, read from the secret once
        assertThat(afterInit).isEqualTo(before);
        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        assertThat(wiring.mailboxes().get(id).status().state()).isEqualTo("OK");
        assertThat(trustStoreReads()).isEqualTo(before + 1);
    }

    @Test
    void in_aws_a_plaintext_trust_store_or_mailbox_password_in_the_environment_stops_the_cold_start() {
        for (String variable : List.of("IMAP_TRUSTSTORE_PASSWORD", "LOCAL_MAILBOX_PASSWORD")) {
            var env = new HashMap<>(environment);
            env.put("ALLOW_INLINE_MAILBOX_PASSWORDS", "false");
            env.put(variable, "plaintext-in-the-environment");

            assertThatThrownBy(() -> PollerWiring.from(env)).as(variable)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(variable)
                    .hasMessageNotContaining("plaintext-in-the-environment");
        }
    }

    @Test
    void a_trust_store_password_given_both_inline_and_as_a_secret_is_refused_as_ambiguous() {
        var env = new HashMap<>(environment);
        env.put("ALLOW_INLINE_MAILBOX_PASSWORDS", "true");
        env.put("IMAP_TRUSTSTORE_PASSWORD", "inline");

        assertThatThrownBy(() -> PollerWiring.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IMAP_TRUSTSTORE_PASSWORD_SECRET");
    }
}
