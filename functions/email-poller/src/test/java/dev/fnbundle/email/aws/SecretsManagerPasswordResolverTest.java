package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.UnresolvablePasswordException;
import dev.fnbundle.email.mailbox.UnusableSecretException;
import dev.fnbundle.email.support.FakeSecretsManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real SDK client against a local server that speaks Secrets Manager's wire protocol. */
class SecretsManagerPasswordResolverTest {
    private static final String BOUND = "{\"host\": \"imap.example.com\", \"username\": \"billing@example.com\","
            + " \"password\": \"s3cret\"}";
    private static FakeSecretsManager server;
    private static SecretsManagerClient client;
    private static SecretsManagerPasswordResolver resolver;

    @BeforeAll
    static void start() {
        server = new FakeSecretsManager();
        var env = Env.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY",
                "local", "AWS_ENDPOINT_URL_SECRETS_MANAGER", server.endpoint().toString()));
        client = AwsClients.configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").build();
        resolver = new SecretsManagerPasswordResolver(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static Mailbox mailbox(String host, String secretId) {
        return new Mailbox("mb-1", host, 993, "billing@example.com", new PasswordRef.SecretReference(secretId),
                "INBOX", "Archive", new SearchCriteria("invoice", null, null, false));
    }

    @Test
    void a_secret_made_for_the_mailbox_gives_its_password() {
        server.put("fnbundle/mailboxes/json", BOUND);

        assertThat(resolver.resolve(mailbox("imap.example.com", "fnbundle/mailboxes/json")).reveal())
                .isEqualTo("s3cret");
        assertThat(server.requests()).contains("secretsmanager.GetSecretValue");
    }

    @Test
    void a_plain_string_secret_is_refused_because_it_names_no_mailbox() {
        server.put("fnbundle/mailboxes/plain", "p@ss word{");

        assertThatThrownBy(() -> resolver.resolve(mailbox("imap.example.com", "fnbundle/mailboxes/plain")))
                .isInstanceOf(UnusableSecretException.class).hasMessageNotContaining("p@ss");
    }

    @Test
    void a_missing_a_denied_and_a_mismatched_secret_fail_alike_and_say_why_only_in_the_detail() {
        server.put("fnbundle/mailboxes/denied", BOUND);
        server.deny("fnbundle/mailboxes/denied");
        server.put("fnbundle/mailboxes/theirs", BOUND);

        var missing = catchUnusable(mailbox("imap.example.com", "fnbundle/mailboxes/missing"));
        var denied = catchUnusable(mailbox("imap.example.com", "fnbundle/mailboxes/denied"));
        var mismatched = catchUnusable(mailbox("imap.attacker.example", "fnbundle/mailboxes/theirs"));

        assertThat(missing.getMessage()).isEqualTo(denied.getMessage()).isEqualTo(mismatched.getMessage())
                .doesNotContain("s3cret");
        assertThat(missing.detail()).isEqualTo("secret not found");
        assertThat(denied.detail()).contains("AccessDeniedException");
        assertThat(mismatched.detail()).contains("another host");
    }

    private static UnusableSecretException catchUnusable(Mailbox mailbox) {
        try {
            resolver.resolve(mailbox);
        } catch (UnusableSecretException e) {
            return e;
        }
        throw new AssertionError("no UnusableSecretException for " + mailbox.id());
    }

    @Test
    void an_unreachable_service_is_an_unresolvable_password_not_a_crash() {
        var env = Env.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY",
                "local", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9"));
        try (var unreachable = AwsClients.configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER")
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build()) {
            assertThatThrownBy(() -> new SecretsManagerPasswordResolver(unreachable)
                    .resolve(mailbox("imap.example.com", "x")))
                    .isInstanceOf(UnresolvablePasswordException.class).hasMessageEndingWith("unreachable");
        }
    }
}
