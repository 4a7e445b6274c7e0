package dev.fnbundle.email.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPasswordResolverTest {
    private final List<String> asked = new ArrayList<>();
    private final Map<String, String> env = Map.of("IMAP_PASSWORD", "from-env", "AWS_SECRET_ACCESS_KEY", "key");

    private RoutingPasswordResolver resolver(boolean localMode) {
        return new RoutingPasswordResolver(localMode, env, mailbox -> {
            asked.add(((PasswordRef.SecretReference) mailbox.password()).secretId());
            return new Secret("from-secrets-manager");
        });
    }

    private static Mailbox mailbox(PasswordRef password) {
        return new Mailbox("mb-1", "imap.example.com", 993, "ap@example.com", password, "INBOX", "Archive",
                new SearchCriteria("invoice", null, null, false));
    }

    @Test
    void secret_references_go_to_secrets_manager_in_both_modes() {
        var mailbox = mailbox(new PasswordRef.SecretReference("fnbundle/mailboxes/billing"));

        assertThat(resolver(false).resolve(mailbox).reveal()).isEqualTo("from-secrets-manager");
        assertThat(resolver(true).resolve(mailbox).reveal()).isEqualTo("from-secrets-manager");
        assertThat(asked).containsExactly("fnbundle/mailboxes/billing", "fnbundle/mailboxes/billing");
    }

    @Test
    void env_references_and_inline_passwords_resolve_only_in_local_mode() {
        var envRef = mailbox(new PasswordRef.SecretReference("env:IMAP_PASSWORD"));
        var inline = mailbox(new PasswordRef.InlinePassword(new Secret("inline-pw")));

        assertThat(resolver(true).resolve(envRef).reveal()).isEqualTo("from-env");
        assertThat(resolver(true).resolve(inline).reveal()).isEqualTo("inline-pw");
        assertThatThrownBy(() -> resolver(false).resolve(envRef)).isInstanceOf(UnresolvablePasswordException.class)
                .hasMessageContaining("only in the local runtime");
        assertThatThrownBy(() -> resolver(false).resolve(inline)).isInstanceOf(UnresolvablePasswordException.class)
                .hasMessageNotContaining("inline-pw");
        assertThat(asked).isEmpty();
    }

    @Test
    void in_aws_an_env_reference_never_reads_the_functions_credentials() {
        var mailbox = mailbox(new PasswordRef.SecretReference("env:AWS_SECRET_ACCESS_KEY"));

        assertThatThrownBy(() -> resolver(false).resolve(mailbox)).isInstanceOf(UnresolvablePasswordException.class);
    }
}
