package dev.fnbundle.email.registry;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fnbundle.email.mailbox.MailboxView;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered mailbox as the API shows it: the registration without its password, when it was registered, and
 * its poll status.
 *
 * @param mailbox   never null
 * @param createdAt never null
 * @param status    never null
 */
public record StoredMailbox(@JsonUnwrapped MailboxView mailbox, Instant createdAt, MailboxStatus status) {
    public StoredMailbox {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }
}
