package dev.fnbundle.configaudit.service;

/** A baseline's {@code sourceUrl} that the re-audit would refuse to fetch (maps to 400 on that field). */
public final class InvalidSourceUrlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSourceUrlException(String detail) {
        super(detail, null, false, false);
    }
}
