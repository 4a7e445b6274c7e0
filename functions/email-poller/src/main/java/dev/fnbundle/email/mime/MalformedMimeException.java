package dev.fnbundle.email.mime;

import jakarta.mail.MessagingException;

/** Thrown inside the parser when a message's structure cannot be walked; never escapes {@link MessageParser}. */
final class MalformedMimeException extends MessagingException {
    MalformedMimeException(String reason) {
        super(reason);
    }
}
