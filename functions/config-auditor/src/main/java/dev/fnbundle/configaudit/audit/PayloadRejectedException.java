package dev.fnbundle.configaudit.audit;

/**
 * A config body the service will not process (maps to 413): larger than the limit, or not text.
 *
 * @see AuditLimits
 */
public final class PayloadRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the body was rejected. */
    public enum Reason {
        /** More UTF-8 bytes than {@link AuditLimits#maxBytesPerSide()}. */
        TOO_LARGE,
        /** Contains NUL or other control characters, or unpaired surrogates: binary rather than text. */
        NOT_TEXT
    }

    private final String field;
    private final Reason reason;
    private final long limitBytes;
    private final long actualBytes;

    /** @param field {@code baseline} or {@code current} */
    public PayloadRejectedException(String field, Reason reason, long limitBytes, long actualBytes) {
        super(describe(field, reason, limitBytes, actualBytes), null, false, false);
        this.field = field;
        this.reason = reason;
        this.limitBytes = limitBytes;
        this.actualBytes = actualBytes;
    }

    private static String describe(String field, Reason reason, long limit, long actual) {
        return reason == Reason.TOO_LARGE
                ? field + " is " + actual + " bytes of UTF-8, over the limit of " + limit + " bytes"
                : field + " is not text (control characters or invalid Unicode)";
    }

    /** Which body: {@code baseline} or {@code current}. */
    public String field() {
        return field;
    }

    /** Why it was rejected. */
    public Reason reason() {
        return reason;
    }

    /** The byte limit in force. */
    public long limitBytes() {
        return limitBytes;
    }

    /** The body's UTF-8 size in bytes (for NOT_TEXT too). */
    public long actualBytes() {
        return actualBytes;
    }
}
