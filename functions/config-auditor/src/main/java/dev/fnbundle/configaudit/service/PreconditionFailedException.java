package dev.fnbundle.configaudit.service;

/** A conditional baseline write whose precondition does not hold (maps to 412 with the current ETag). */
public final class PreconditionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Long currentVersion;

    /** @param currentVersion the stored version, or null when the baseline does not exist */
    public PreconditionFailedException(Long currentVersion) {
        super(currentVersion == null ? "the baseline does not exist" : "the baseline is at version "
                + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    /** The stored version, or null when the baseline does not exist. */
    public Long currentVersion() {
        return currentVersion;
    }
}
