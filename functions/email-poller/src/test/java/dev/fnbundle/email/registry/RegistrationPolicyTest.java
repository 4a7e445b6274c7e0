package dev.fnbundle.email.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationPolicyTest {
    private final RegistrationPolicy aws = new RegistrationPolicy(false, "fnbundle/mailboxes/");
    private final RegistrationPolicy local = new RegistrationPolicy(true, "fnbundle/mailboxes/");

    private static MailboxRegistration registration(String host, String secret) {
        return new MailboxRegistration(host, 993, "billing@example.com", secret, null, null, null,
                new MailboxRegistration.Search("invoice", null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fnbundle/mailboxes/billing",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:fnbundle/mailboxes/billing-AbCdEf"})
    void a_secret_under_the_prefix_is_accepted_by_name_or_arn(String secret) {
        assertThat(aws.check(registration("imap.example.com", secret))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"other/billing", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"})
    void a_secret_outside_the_prefix_is_refused_because_the_poller_may_not_read_it(String secret) {
        assertThat(aws.check(registration("imap.example.com", secret))).extracting(FieldError::field)
                .containsExactly("passwordSecret");
    }

    @Test
    void env_references_are_refused_in_aws_and_accepted_locally() {
        assertThat(aws.check(registration("imap.example.com", "env:IMAP_PASSWORD"))).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("local runtime"));
        assertThat(local.check(registration("127.0.0.1", "env:IMAP_PASSWORD"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "mail.localhost", "127.0.0.1", "10.0.0.8", "192.168.1.20", "169.254.169.254",
            "0.0.0.0"})
    void non_public_hosts_are_refused_in_aws(String host) {
        assertThat(aws.check(registration(host, "fnbundle/mailboxes/x"))).extracting(FieldError::field)
                .containsExactly("host");
        assertThat(local.check(registration(host, "fnbundle/mailboxes/x"))).isEmpty();
    }

    @Test
    void public_names_and_addresses_pass_without_a_dns_lookup() {
        assertThat(aws.check(registration("imap.gmail.com", "fnbundle/mailboxes/x"))).isEmpty();
        assertThat(aws.check(registration("93.184.216.34", "fnbundle/mailboxes/x"))).isEmpty();
    }

    @Test
    void an_empty_prefix_accepts_any_secret_name() {
        assertThat(new RegistrationPolicy(false, "").check(registration("imap.example.com", "anything")))
                .isEmpty();
    }
}
