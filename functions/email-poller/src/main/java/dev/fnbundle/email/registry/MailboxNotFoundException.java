package dev.fnbundle.email.registry;

/** No mailbox has this id (it was never registered, or it was deleted); maps to 404. */
public final class MailboxNotFoundException extends RuntimeException {
    private final String mailboxId;

    /** @param mailboxId the id asked for */
    public MailboxNotFoundException(String mailboxId) {
        super("no mailbox " + mailboxId, null, false, false);
        this.mailboxId = mailboxId;
    }

    /** @return the id asked for */
    public String mailboxId() {
        return mailboxId;
    }
}
