package dev.fnbundle.email.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.UnresolvablePasswordException;
import dev.fnbundle.email.support.FakeSecretsManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real SDK client against a local server that speaks Secrets Manager's wire protocol. */
class SecretsManagerPasswordResolverTest {
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

    private static PasswordRef secret(String id) {
        return new PasswordRef.SecretReference(id);
    }

    @Test
    void a_plain_string_secret_is_the_password() {
        server.put("fnbundle/mailboxes/plain", "p@ss word{");

        assertThat(resolver.resolve(secret("fnbundle/mailboxes/plain")).reveal()).isEqualTo("p@ss word{");
        assertThat(server.requests()).contains("secretsmanager.GetSecretValue");
    }

    @Test
    void a_key_value_secret_gives_its_password_member() {
        server.put("fnbundle/mailboxes/json", "{\"username\": \"billing@example.com\", \"password\": \"s3cret\"}");
        server.put("fnbundle/mailboxes/json-without", "{\"user\": \"x\"}");

        assertThat(resolver.resolve(secret("fnbundle/mailboxes/json")).reveal()).isEqualTo("s3cret");
        assertThatThrownBy(() -> resolver.resolve(secret("fnbundle/mailboxes/json-without")))
                .isInstanceOf(UnresolvablePasswordException.class).hasMessageContaining("\"password\"");
    }

    @Test
    void a_missing_secret_and_a_denied_one_say_why_without_any_value() {
        server.put("fnbundle/mailboxes/denied", "topsecret");
        server.deny("fnbundle/mailboxes/denied");

        assertThatThrownBy(() -> resolver.resolve(secret("fnbundle/mailboxes/missing")))
                .isInstanceOf(UnresolvablePasswordException.class)
                .hasMessage("password reference fnbundle/mailboxes/missing cannot be resolved: secret not found");
        assertThatThrownBy(() -> resolver.resolve(secret("fnbundle/mailboxes/denied")))
                .isInstanceOf(UnresolvablePasswordException.class).hasMessageEndingWith("access denied")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void an_unreachable_service_is_an_unresolvable_password_not_a_crash() {
        var env = Env.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY",
                "local", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:9"));
        try (var unreachable = AwsClients.configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER")
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build()) {
            assertThatThrownBy(() -> new SecretsManagerPasswordResolver(unreachable).resolve(secret("x")))
                    .isInstanceOf(UnresolvablePasswordException.class).hasMessageEndingWith("unreachable");
        }
    }
}
