package dev.fnbundle.email.poll;

/** The outcome of one poll, shown as the mailbox status. */
public enum PollStatus {
    /** Every candidate message was handled (or the per-poll bound was reached; see {@code moreRemaining}). */
    OK(false),
    /** Another poll holds the mailbox lease; this task is dropped, the other poll does the work. */
    BUSY(false),
    /** The server refused the login. */
    AUTH_FAILED(true),
    /** The host could not be reached: DNS, refused connection, timeout. */
    UNREACHABLE(true),
    /** The TLS handshake failed: untrusted certificate, host name mismatch, protocol mismatch. */
    TLS_FAILED(true),
    /** The connection dropped during the poll, after any reconnects allowed. */
    CONNECTION_LOST(true),
    /** The polled folder does not exist, or the archive folder cannot be created. */
    FOLDER_NOT_FOUND(true),
    /** The password reference cannot be resolved here (Secrets Manager unavailable; locally, a missing variable). */
    CREDENTIALS_UNAVAILABLE(true),
    /**
     * The named secret cannot be used for this mailbox: missing, not readable by the poller, not JSON with a host,
     * username and password, or made for another host, username or port. One status for all, so a caller learns
     * nothing about a secret name; the reason is in the poller's log.
     */
    SECRET_UNUSABLE(true),
    /** The server answered NO or BAD to a command the poller needs. */
    PROTOCOL_ERROR(true);

    private final boolean failure;

    PollStatus(boolean failure) {
        this.failure = failure;
    }

    /**
     * Whether the poll task should fail, to be retried with backoff and finally dead-lettered.
     *
     * @return true for every error status
     */
    public boolean isFailure() {
        return failure;
    }
}
