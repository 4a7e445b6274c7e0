package dev.fnbundle.email.registry;

/**
 * The same account and folder (host, port, username, folder) are registered already; polling them twice would
 * record every invoice twice. Maps to 409 naming the existing mailbox.
 */
public final class MailboxAlreadyRegisteredException extends RuntimeException {
    private final String existingId;

    /** @param existingId the mailbox that holds the registration */
    public MailboxAlreadyRegisteredException(String existingId) {
        super("this account and folder are registered already as mailbox " + existingId, null, false, false);
        this.existingId = existingId;
    }

    /** @return the mailbox that holds the registration */
    public String existingId() {
        return existingId;
    }
}
