package dev.fnbundle.configaudit.service;

/**
 * An unconditional write to a baseline that exists (maps to 428): replacing an approved baseline must name the
 * version it replaces ({@code If-Match}), so that two approvers cannot silently overwrite each other.
 */
public final class PreconditionRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public PreconditionRequiredException(Long currentVersion) {
        super("the baseline exists at version " + currentVersion, null, false, false);
        this.currentVersion = currentVersion == null ? 0 : currentVersion;
    }

    /** The stored version. */
    public long currentVersion() {
        return currentVersion;
    }
}
