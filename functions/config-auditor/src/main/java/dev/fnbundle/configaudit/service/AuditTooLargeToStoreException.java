package dev.fnbundle.configaudit.service;

/**
 * An audit whose compressed report is larger than the store keeps (maps to 413). Only near-total rewrites of
 * configs at the size limit get here: the report holds every changed line up to four times (added or removed
 * lines, the unified diff, the side-by-side rows).
 */
public final class AuditTooLargeToStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public AuditTooLargeToStoreException(long limitBytes) {
        super("the compressed audit report is larger than " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
