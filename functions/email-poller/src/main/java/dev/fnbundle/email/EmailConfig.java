package dev.fnbundle.email;

import dev.fnbundle.common.config.Env;
import dev.fnbundle.email.mime.ParserLimits;
import dev.fnbundle.email.poll.PollSettings;
import java.time.Duration;

/**
 * The email poller's settings, read once at init from the variables the template sets.
 *
 * @param table              EMAIL_TABLE: mailboxes, records, dedupe claims, checkpoints and leases
 * @param pollTaskQueueUrl   POLL_TASK_QUEUE_URL: one message per poll of one mailbox
 * @param localMode          ALLOW_INLINE_MAILBOX_PASSWORDS (default false): inline passwords, {@code env:}
 *                           references and loopback mail servers, for the local runtime only
 * @param secretPrefix       MAILBOX_SECRET_PREFIX (default empty): the Secrets Manager names the poller may read
 * @param leaseSeconds       POLL_LEASE_SECONDS (default 240): how long a poll holds its mailbox; above the
 *                           poller's timeout, so a poll killed by the timeout frees the mailbox soon after
 * @param leaseMarginSeconds POLL_LEASE_MARGIN_SECONDS (default 90): no fetch batch starts later than
 *                           lease - margin after the poll began
 * @param maxMessageBytes    POLL_MAX_MESSAGE_BYTES (default 25 MiB): larger messages are skipped with a reason
 * @param retryBaseSeconds   POLL_RETRY_BASE_SECONDS (default 30): the first backoff of a failed poll task
 */
public record EmailConfig(String table, String pollTaskQueueUrl, boolean localMode, String secretPrefix,
                          int leaseSeconds, int leaseMarginSeconds, long maxMessageBytes, int retryBaseSeconds) {
    /** The default size cap: 25 MiB, the common limit of mail providers; 50 MB messages are skipped. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

    public static EmailConfig from(Env env) {
        return new EmailConfig(env.required("EMAIL_TABLE"), env.required("POLL_TASK_QUEUE_URL"),
                env.flag("ALLOW_INLINE_MAILBOX_PASSWORDS", false), env.optional("MAILBOX_SECRET_PREFIX").orElse(""),
                env.integer("POLL_LEASE_SECONDS", 240), env.integer("POLL_LEASE_MARGIN_SECONDS", 90),
                env.integer("POLL_MAX_MESSAGE_BYTES", DEFAULT_MAX_MESSAGE_BYTES),
                env.integer("POLL_RETRY_BASE_SECONDS", 30));
    }

    /** The poll settings these values make: the core defaults with this deployment's lease and size cap. */
    public PollSettings pollSettings() {
        var defaults = PollSettings.defaults();
        var limits = defaults.parserLimits();
        return new PollSettings(Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(leaseMarginSeconds),
                defaults.maxReconnects(), defaults.batchSize(), defaults.batchBytes(), defaults.maxMessagesPerPoll(),
                new ParserLimits(maxMessageBytes, limits.maxDepth(), limits.maxParts(), limits.maxBodyChars()));
    }
}
