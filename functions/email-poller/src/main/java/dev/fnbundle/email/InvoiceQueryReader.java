package dev.fnbundle.email;

import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.email.listing.InvoiceQuery;
import dev.fnbundle.email.poll.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the query of GET /invoices and GET /invoices.csv: {@code mailbox} (one mailbox, else all), {@code kind}
 * ({@code invoice} by default; {@code duplicate}, {@code unparseable} or {@code skipped} list the other records),
 * {@code from} and {@code to} (inclusive; a date such as {@code 2026-05-01} or an instant such as
 * {@code 2026-05-01T08:00:00Z}; a date as {@code to} includes that whole day, UTC), {@code limit} (1 to 1 000,
 * default 100) and {@code nextToken}.
 */
final class InvoiceQueryReader {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final Pattern MAILBOX_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private InvoiceQueryReader() {
    }

    /** @throws InvalidFieldsException naming every invalid parameter (a 400) */
    static InvoiceQuery read(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String mailbox = request.query("mailbox").filter(m -> !m.isEmpty()).orElse(null);
        if (mailbox != null && !MAILBOX_ID.matcher(mailbox).matches()) {
            errors.add(new FieldError("mailbox", "is not a mailbox id"));
        }
        RecordKind kind = kind(request.query("kind").filter(k -> !k.isEmpty()).orElse("invoice"), errors);
        Instant from = instant(request.query("from").orElse(null), "from", false, errors);
        Instant to = instant(request.query("to").orElse(null), "to", true, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        int limit = limit(request.query("limit").orElse(null), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        String token = request.query(PageTokens.FIELD).filter(t -> !t.isEmpty()).orElse(null);
        return new InvoiceQuery(kind, mailbox, from, to, limit, token);
    }

    private static RecordKind kind(String value, List<FieldError> errors) {
        try {
            return RecordKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be invoice, duplicate, unparseable or skipped"));
            return RecordKind.INVOICE;
        }
    }

    private static Instant instant(String value, String field, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2026-05-01 or an instant such as"
                    + " 2026-05-01T08:00:00Z"));
            return null;
        }
    }

    private static int limit(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
