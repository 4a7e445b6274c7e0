package dev.fnbundle.email.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxRegistrationValidatorTest {
    private final MailboxRegistrationValidator production = new MailboxRegistrationValidator(false);
    private final MailboxRegistrationValidator local = new MailboxRegistrationValidator(true);

    private static MailboxRegistration.Search invoiceSearch() {
        return new MailboxRegistration.Search("invoice", null, null, null);
    }

    @Test
    void valid_registration_gets_defaults_and_a_secret_reference() {
        MailboxRegistration registration = new MailboxRegistration("imap.example.com", null, "ap@example.com",
                "arn:aws:secretsmanager:eu-west-1:1:secret:imap", null, null, null,
                new MailboxRegistration.Search("invoice", "acme.example", "2026-05-01", true));

        Mailbox mailbox = production.validate("mb-1", registration);

        assertThat(mailbox.port()).isEqualTo(993);
        assertThat(mailbox.folder()).isEqualTo("INBOX");
        assertThat(mailbox.archiveFolder()).isEqualTo("Archive");
        assertThat(mailbox.password()).isInstanceOf(PasswordRef.SecretReference.class);
        assertThat(mailbox.search()).isEqualTo(new SearchCriteria("invoice", "acme.example",
                LocalDate.of(2026, 5, 1), true));
        assertThat(mailbox.view().passwordSource()).isEqualTo("secret");
    }

    @Test
    void inline_password_is_refused_outside_local_mode_and_never_printed() {
        MailboxRegistration registration = new MailboxRegistration("localhost", 3993, "alice", null,
                "s3cr3t-pw", "INBOX", "Archive", invoiceSearch());

        assertThatThrownBy(() -> production.validate("mb-1", registration))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("password",
                                "inline passwords are accepted only in local mode; use passwordSecret")))
                .hasMessageNotContaining("s3cr3t-pw");

        Mailbox mailbox = local.validate("mb-1", registration);
        assertThat(mailbox.toString()).doesNotContain("s3cr3t-pw").contains("****");
        assertThat(registration.toString()).doesNotContain("s3cr3t-pw");
        assertThat(mailbox.view().toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void reports_every_invalid_field_at_once() {
        MailboxRegistration registration = new MailboxRegistration("bad host!", 70000, "", "a", "b",
                "INBOX", "inbox", new MailboxRegistration.Search("in\r\nvoice", "x".repeat(400), "May 1st", null));

        assertThatThrownBy(() -> local.validate("mb-1", registration))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("host", "port", "username", "password",
                                "archiveFolder", "search.subject", "search.from", "search.since"));
    }

    @Test
    void requires_a_password_source_and_search() {
        MailboxRegistration registration = new MailboxRegistration("imap.example.com", 993, "u", null, null,
                "INBOX", "Done/*", null);

        assertThatThrownBy(() -> production.validate("mb-1", registration))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("passwordSecret", "archiveFolder", "search"));
    }

    @Test
    void local_resolver_reads_env_references_and_inline_passwords() {
        LocalPasswordResolver resolver = new LocalPasswordResolver(Map.of("IMAP_PASSWORD", "pw"));

        assertThat(resolver.resolve(mailbox(new PasswordRef.SecretReference("env:IMAP_PASSWORD"))).reveal())
                .isEqualTo("pw");
        assertThat(resolver.resolve(mailbox(new PasswordRef.InlinePassword(new Secret("x")))).reveal())
                .isEqualTo("x");
        assertThatThrownBy(() -> resolver.resolve(mailbox(new PasswordRef.SecretReference("env:MISSING"))))
                .isInstanceOf(UnresolvablePasswordException.class).hasMessageContaining("env:MISSING");
    }

    private static Mailbox mailbox(PasswordRef password) {
        return new Mailbox("mb-1", "127.0.0.1", 3993, "demo", password, "INBOX", "Archive",
                new SearchCriteria("invoice", null, null, false));
    }
}
