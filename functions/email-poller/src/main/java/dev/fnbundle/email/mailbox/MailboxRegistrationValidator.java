package dev.fnbundle.email.mailbox;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validates POST /mailboxes and builds the {@link Mailbox}. Every invalid field is reported at once; messages
 * never echo values (they may hold a password). Thread-safe.
 *
 * <p>Rules: host is a DNS name or IPv4 address of at most 253 characters; port 1-65535 (default 993); username
 * 1-320 characters; exactly one of passwordSecret (1-2048 characters, no whitespace) and password (local mode
 * only, 1-1024 characters); folder and archiveFolder 1-200 characters without control characters, IMAP
 * wildcards ({@code * %}) or surrounding spaces, and different from each other (defaults INBOX and Archive);
 * search.subject 1-200 characters, search.from at most 320, neither with control characters (an IMAP command
 * must not be split by CR LF); search.since an ISO date.
 */
public final class MailboxRegistrationValidator {
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                    + "[A-Za-z0-9])?)*\\.?");
    private final boolean allowInlinePassword;

    /**
     * @param allowInlinePassword true only in local mode, where {@code password} may be given inline
     */
    public MailboxRegistrationValidator(boolean allowInlinePassword) {
        this.allowInlinePassword = allowInlinePassword;
    }

    /**
     * Validates a registration.
     *
     * @param id           the id the new mailbox gets; never null
     * @param registration never null
     * @return the mailbox; never null
     * @throws InvalidFieldsException listing every invalid field
     */
    public Mailbox validate(String id, MailboxRegistration registration) {
        Objects.requireNonNull(id, "id");
        List<FieldError> errors = new ArrayList<>();
        String host = registration.host();
        if (host == null || !HOST.matcher(host).matches()) {
            errors.add(new FieldError("host", "required: a DNS name or IPv4 address of at most 253 characters"));
        }
        int port = registration.port() == null ? 993 : registration.port();
        if (port < 1 || port > 65535) {
            errors.add(new FieldError("port", "must be between 1 and 65535"));
        }
        text(errors, "username", registration.username(), true, 320);
        PasswordRef password = password(errors, registration);
        String folder = folder(errors, "folder", registration.folder(), "INBOX");
        String archive = folder(errors, "archiveFolder", registration.archiveFolder(), "Archive");
        if (folder != null && folder.equalsIgnoreCase(archive)) {
            errors.add(new FieldError("archiveFolder", "must differ from folder"));
        }
        SearchCriteria search = search(errors, registration.search());
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new Mailbox(id, host, port, registration.username(), password, folder, archive, search);
    }

    private PasswordRef password(List<FieldError> errors, MailboxRegistration registration) {
        String secretId = registration.passwordSecret();
        String inline = registration.password();
        if (secretId != null && inline != null) {
            errors.add(new FieldError("password", "give either passwordSecret or password, not both"));
            return null;
        }
        if (inline != null) {
            if (!allowInlinePassword) {
                errors.add(new FieldError("password", "inline passwords are accepted only in local mode; use "
                        + "passwordSecret"));
            } else if (inline.isEmpty() || inline.length() > 1024) {
                errors.add(new FieldError("password", "must be 1 to 1024 characters"));
            }
            return new PasswordRef.InlinePassword(new Secret(inline));
        }
        if (secretId == null || secretId.isEmpty() || secretId.length() > 2048
                || secretId.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldError("passwordSecret", "required: a secret id of 1 to 2048 characters without "
                    + "whitespace"));
            return null;
        }
        return new PasswordRef.SecretReference(secretId);
    }

    private static String folder(List<FieldError> errors, String field, String value, String fallback) {
        String folder = value == null ? fallback : value;
        if (folder.isEmpty() || folder.length() > 200 || hasControl(folder) || folder.contains("*")
                || folder.contains("%") || !folder.strip().equals(folder)) {
            errors.add(new FieldError(field, "must be 1 to 200 characters without control characters, * or %, "
                    + "and without surrounding spaces"));
            return null;
        }
        return folder;
    }

    private static SearchCriteria search(List<FieldError> errors, MailboxRegistration.Search search) {
        if (search == null) {
            errors.add(new FieldError("search", "required: an object with at least subject"));
            return null;
        }
        boolean subjectOk = text(errors, "search.subject", search.subject(), true, 200);
        text(errors, "search.from", search.from(), false, 320);
        LocalDate since = null;
        if (search.since() != null) {
            try {
                since = LocalDate.parse(search.since());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("search.since", "must be an ISO date such as 2026-05-01"));
            }
        }
        boolean unseenOnly = Boolean.TRUE.equals(search.unseenOnly());
        return subjectOk ? new SearchCriteria(search.subject(), search.from(), since, unseenOnly) : null;
    }

    private static boolean text(List<FieldError> errors, String field, String value, boolean required, int max) {
        if (value == null && !required) {
            return true;
        }
        if (value == null || value.isBlank() || value.length() > max || hasControl(value)) {
            errors.add(new FieldError(field, (required ? "required: " : "") + "1 to " + max
                    + " characters without control characters"));
            return false;
        }
        return true;
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
