package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No secret lies in plain configuration (issue 13): in AWS no Lambda environment variable holds the value of a
 * NoEcho parameter, the trust store password comes from a secret the poller alone may read, and locally the
 * inline forms the runtime sets stay.
 */
class TemplateSecretsTest {
    private static final Template TEMPLATE = Template.read(LocalAws.repositoryRoot().resolve("template.yaml"));

    /** Every NoEcho parameter set to a value of its own, plus the ones without a default. */
    private static Map<String, String> parameters(boolean local) {
        var values = new HashMap<String, String>(Map.of("JwtIssuer", "https://issuer.test", "JwtAudience",
                "fnbundle", "AllowInlineMailboxPasswords", Boolean.toString(local)));
        TEMPLATE.parameters().properties().forEach(p -> {
            if (p.getValue().path("NoEcho").asBoolean(false)) {
                values.put(p.getKey(), "no-echo-value-of-" + p.getKey());
            }
        });
        return values;
    }

    private static StackModel stack(Map<String, String> parameters) {
        return StackModel.resolve(TEMPLATE, parameters, LocalAccount.local("secrets",
                URI.create("http://127.0.0.1:1")));
    }

    @Test
    void in_aws_no_function_environment_holds_a_no_echo_parameter() {
        var parameters = parameters(false);
        var noEcho = parameters.entrySet().stream().filter(e -> e.getValue().startsWith("no-echo-value-of-"))
                .map(Map.Entry::getValue).toList();

        var leaks = stack(parameters).functions().values().stream().flatMap(f -> f.environment().entrySet().stream()
                .filter(v -> noEcho.stream().anyMatch(v.getValue()::contains))
                .map(v -> f.logicalId() + "." + v.getKey())).toList();

        assertThat(noEcho).contains("no-echo-value-of-ImapTrustStorePassword",
                "no-echo-value-of-LocalMailboxPassword");
        assertThat(leaks).isEmpty();
    }

    @Test
    void locally_the_inline_trust_store_and_mailbox_passwords_reach_the_poller() {
        FunctionSpec poller = stack(parameters(true)).functions().get("EmailPollerFunction");

        assertThat(poller.environment()).containsEntry("IMAP_TRUSTSTORE_PASSWORD",
                "no-echo-value-of-ImapTrustStorePassword").containsEntry("LOCAL_MAILBOX_PASSWORD",
                "no-echo-value-of-LocalMailboxPassword");
    }

    @Test
    void in_aws_the_trust_store_password_is_a_secret_only_the_poller_may_read() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:fnbundle/imap-truststore-AbCdEf";
        var parameters = parameters(false);
        parameters.put("ImapTrustStorePasswordSecret", arn);

        FunctionSpec poller = stack(parameters).functions().get("EmailPollerFunction");
        JsonNode policies = TEMPLATE.resources().get("EmailPollerFunction").properties().path("Policies");

        assertThat(poller.environment()).containsEntry("IMAP_TRUSTSTORE_PASSWORD_SECRET", arn)
                .doesNotContainKey("IMAP_TRUSTSTORE_PASSWORD");
        // GetSecretValue on exactly that secret, and only when one is named
        assertThat(policies.findValues("Fn::If")).anySatisfy(branch -> {
            assertThat(branch.get(0).asText()).isEqualTo("HasImapTrustStorePasswordSecret");
            assertThat(branch.get(1).path("AWSSecretsManagerGetSecretValuePolicy").path("SecretArn")
                    .path("Ref").asText()).isEqualTo("ImapTrustStorePasswordSecret");
            assertThat(branch.get(2).path("Ref").asText()).isEqualTo("AWS::NoValue");
        });
        assertThat(TEMPLATE.resources().values()).filteredOn(r -> r.properties().toString()
                .contains("ImapTrustStorePasswordSecret")).extracting(Template.Resource::logicalId)
                .isEqualTo(List.of("EmailPollerFunction"));
    }
}
