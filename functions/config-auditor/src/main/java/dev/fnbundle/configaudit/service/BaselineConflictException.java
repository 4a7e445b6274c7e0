package dev.fnbundle.configaudit.service;

/**
 * A conditional write of a baseline lost: it existed when it had to be new, or its version was not the expected
 * one. Thrown by the repository; the service turns it into 412 or 428.
 */
public final class BaselineConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Long currentVersion;

    /** @param currentVersion the version now stored, or null when there is none */
    public BaselineConflictException(Long currentVersion) {
        super(currentVersion == null ? "the baseline does not exist" : "the baseline is at version "
                + currentVersion, null, false, false);
        this.currentVersion = currentVersion;
    }

    /** The version now stored, or null when there is none. */
    public Long currentVersion() {
        return currentVersion;
    }
}
