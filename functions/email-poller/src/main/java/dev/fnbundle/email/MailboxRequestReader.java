package dev.fnbundle.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.email.mailbox.MailboxRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of POST /mailboxes into a {@link MailboxRegistration}, checking JSON types and refusing unknown
 * members (a misspelt {@code pasword} must not be silently ignored); the values themselves are checked by the
 * validator. Messages never echo a value.
 */
final class MailboxRequestReader {
    private static final Set<String> FIELDS = Set.of("host", "port", "username", "passwordSecret", "password",
            "folder", "archiveFolder", "search");
    private static final Set<String> SEARCH_FIELDS = Set.of("subject", "from", "since", "unseenOnly");

    private MailboxRequestReader() {
    }

    /** @throws InvalidFieldsException listing every member of the wrong type or unknown (a 400) */
    static MailboxRegistration read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldsException("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        unknown(body, FIELDS, "", errors);
        var search = search(body.get("search"), errors);
        var registration = new MailboxRegistration(text(body, "host", "", errors), port(body.get("port"), errors),
                text(body, "username", "", errors), text(body, "passwordSecret", "", errors),
                text(body, "password", "", errors), text(body, "folder", "", errors),
                text(body, "archiveFolder", "", errors), search);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return registration;
    }

    private static MailboxRegistration.Search search(JsonNode search, List<FieldError> errors) {
        if (search == null || search.isNull()) {
            return null;
        }
        if (!search.isObject()) {
            errors.add(new FieldError("search", "must be an object"));
            return null;
        }
        unknown(search, SEARCH_FIELDS, "search.", errors);
        Boolean unseenOnly = null;
        JsonNode unseen = search.get("unseenOnly");
        if (unseen != null && !unseen.isNull()) {
            if (unseen.isBoolean()) {
                unseenOnly = unseen.booleanValue();
            } else {
                errors.add(new FieldError("search.unseenOnly", "must be true or false"));
            }
        }
        return new MailboxRegistration.Search(text(search, "subject", "search.", errors),
                text(search, "from", "search.", errors), text(search, "since", "search.", errors), unseenOnly);
    }

    private static String text(JsonNode object, String field, String prefix, List<FieldError> errors) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(prefix + field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    private static Integer port(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError("port", "must be an integer"));
            return null;
        }
        return value.intValue();
    }

    private static void unknown(JsonNode object, Set<String> known, String prefix, List<FieldError> errors) {
        for (var name : (Iterable<String>) object::fieldNames) {
            if (!known.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a member of a mailbox registration"));
            }
        }
    }
}
