package dev.fnbundle.configaudit.service;

/** No audit with this id, or it has expired (maps to 404). */
public final class AuditNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;

    public AuditNotFoundException(String id) {
        super("no audit " + id, null, false, false);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
