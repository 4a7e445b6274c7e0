package dev.fnbundle.email.poll;

/** The polled folder does not exist, or the archive folder cannot be created. */
public final class MailboxFolderException extends MailboxAccessException {
    /**
     * @param mailboxId the mailbox id
     * @param endpoint  {@code host:port}
     * @param message   what failed, without credentials
     * @param cause     the underlying exception, or null
     */
    public MailboxFolderException(String mailboxId, String endpoint, String message, Throwable cause) {
        super(mailboxId, endpoint, message, cause);
    }

    @Override
    public PollStatus status() {
        return PollStatus.FOLDER_NOT_FOUND;
    }
}
