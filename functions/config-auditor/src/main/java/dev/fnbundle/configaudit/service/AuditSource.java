package dev.fnbundle.configaudit.service;

import java.util.Locale;

/** How an audit was requested. */
public enum AuditSource {
    /** Through the HTTP API. */
    API,
    /** A bulk request taken from the audit queue. */
    QUEUE,
    /** The scheduled re-audit of a baseline's source URL. */
    SCHEDULE;

    /** The lower-case wire name: {@code api}, {@code queue} or {@code schedule}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
