package dev.fnbundle.email.mailbox;

import java.util.Objects;

/**
 * A validated mailbox registration. {@link #toString()} is safe to log: the password prints as {@code ****}.
 *
 * @param id            the mailbox id; never null
 * @param host          the IMAP host; never null
 * @param port          the IMAP port (993 for IMAPS)
 * @param username      the login; never null
 * @param password      where the password comes from; never null
 * @param folder        the folder polled, e.g. {@code INBOX}; never null
 * @param archiveFolder where processed messages go, e.g. {@code Archive}; never null
 * @param search        which messages are invoices; never null
 */
public record Mailbox(String id, String host, int port, String username, PasswordRef password, String folder,
                      String archiveFolder, SearchCriteria search) {
    public Mailbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(archiveFolder, "archiveFolder");
        Objects.requireNonNull(search, "search");
    }

    /**
     * The mailbox as GET/POST /mailboxes return it: everything but the password, and only whether the password
     * is a secret reference or inline.
     *
     * @return never null
     */
    public MailboxView view() {
        String source = password instanceof PasswordRef.SecretReference ? "secret" : "inline";
        return new MailboxView(id, host, port, username, source, folder, archiveFolder, search);
    }
}
