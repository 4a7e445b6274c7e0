package dev.fnbundle.email;

import dev.fnbundle.email.poll.PollResult;

/**
 * A poll that ended with a failure status: thrown so the poll task fails, is retried with backoff and finally
 * dead-lettered. The message carries the status and the error, which never hold credentials.
 */
public final class PollFailedException extends RuntimeException {
    private final transient PollResult result;

    public PollFailedException(PollResult result) {
        super("poll of mailbox " + result.mailboxId() + " failed: " + result.status()
                + (result.error() == null ? "" : " (" + result.error() + ")"), null, false, false);
        this.result = result;
    }

    public PollResult result() {
        return result;
    }
}
