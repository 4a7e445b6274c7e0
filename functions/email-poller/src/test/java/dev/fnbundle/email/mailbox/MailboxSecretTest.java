package dev.fnbundle.email.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxSecretTest {
    private static final String BOUND = "{\"host\": \"imap.example.com\", \"username\": \"ap@example.com\","
            + " \"password\": \"s3cret\"}";

    private static Mailbox mailbox(String host, int port, String username) {
        return new Mailbox("mb-1", host, port, username, new PasswordRef.SecretReference("fnbundle/mailboxes/ap"),
                "INBOX", "Archive", new SearchCriteria("invoice", null, null, false));
    }

    @Test
    void the_password_is_given_for_the_host_and_username_the_secret_names() {
        var secret = MailboxSecret.parse(BOUND);

        assertThat(secret.passwordFor(mailbox("imap.example.com", 993, "ap@example.com")).reveal())
                .isEqualTo("s3cret");
        assertThat(secret.passwordFor(mailbox("IMAP.Example.COM.", 143, "ap@example.com")).reveal())
                .isEqualTo("s3cret");
        assertThat(secret.toString()).doesNotContain("s3cret").doesNotContain("ap@example.com");
    }

    @Test
    void another_host_username_or_named_port_is_refused_with_one_message_and_a_reason_for_the_log() {
        var secret = MailboxSecret.parse(BOUND);
        var withPort = MailboxSecret.parse(BOUND.replace("}", ", \"port\": 993}"));

        assertThatThrownBy(() -> secret.passwordFor(mailbox("imap.attacker.example", 993, "ap@example.com")))
                .isInstanceOf(UnusableSecretException.class).hasMessage(UnusableSecretException.MESSAGE)
                .satisfies(e -> assertThat(((UnusableSecretException) e).detail()).contains("another host"));
        assertThatThrownBy(() -> secret.passwordFor(mailbox("imap.example.com", 993, "AP@example.com")))
                .isInstanceOf(UnusableSecretException.class).hasMessage(UnusableSecretException.MESSAGE)
                .satisfies(e -> assertThat(((UnusableSecretException) e).detail()).contains("another username"));
        assertThatThrownBy(() -> withPort.passwordFor(mailbox("imap.example.com", 1993, "ap@example.com")))
                .isInstanceOf(UnusableSecretException.class).hasMessage(UnusableSecretException.MESSAGE)
                .satisfies(e -> assertThat(((UnusableSecretException) e).detail()).contains("another port"));
        assertThat(withPort.passwordFor(mailbox("imap.example.com", 993, "ap@example.com")).reveal())
                .isEqualTo("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cret", "  ", "[\"s3cret\"]", "{not json", "{\"password\": \"s3cret\"}",
            "{\"host\": \"imap.example.com\", \"password\": \"s3cret\"}",
            "{\"host\": \"imap.example.com\", \"username\": \"ap@example.com\", \"password\": \"\"}",
            "{\"host\": \"imap.example.com\", \"username\": \"ap@example.com\", \"password\": 42}",
            "{\"host\": \"imap.example.com\", \"username\": \"ap@example.com\", \"password\": \"x\", \"port\": 0}",
            "{\"host\": \"imap.example.com\", \"username\": \"ap@example.com\", \"password\": \"x\","
                    + " \"port\": \"993\"}"})
    void a_plain_string_or_a_secret_that_names_no_mailbox_is_refused_without_echoing_it(String value) {
        assertThatThrownBy(() -> MailboxSecret.parse(value)).isInstanceOf(UnusableSecretException.class)
                .hasMessage(UnusableSecretException.MESSAGE)
                .satisfies(e -> assertThat(((UnusableSecretException) e).detail()).doesNotContain("s3cret"));
    }

    @Test
    void a_binary_secret_is_refused() {
        assertThatThrownBy(() -> MailboxSecret.parse(null)).isInstanceOf(UnusableSecretException.class);
    }
}
