package dev.fnbundle.configaudit.audit;

/**
 * The two configs are within the size limits but matching their lines needs more work than
 * {@link AuditLimits#maxMatchWork()} allows (maps to 422): typically many lines repeated hundreds of times each,
 * or autojunk turned off on a large config.
 */
public final class AuditTooComplexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long maxWork;

    /** @param maxWork the matcher-work limit that was passed */
    public AuditTooComplexException(long maxWork, Throwable cause) {
        super("matching the lines needs more than " + maxWork + " steps", cause, false, false);
        this.maxWork = maxWork;
    }

    /** The matcher-work limit that was passed. */
    public long maxWork() {
        return maxWork;
    }
}
