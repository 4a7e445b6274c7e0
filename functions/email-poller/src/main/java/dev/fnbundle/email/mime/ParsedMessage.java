package dev.fnbundle.email.mime;

import java.time.Instant;
import java.util.List;

/**
 * A message reduced to what the invoice pipeline needs. Absent headers are null, never guessed.
 *
 * @param messageId   the Message-ID header, trimmed, or null when missing
 * @param from        the first From address, or null when missing or unparseable
 * @param to          the To addresses; never null, possibly empty
 * @param subject     the RFC 2047 decoded subject, or null when missing
 * @param date        the Date header in UTC, or null when missing or unparseable
 * @param textBody    the preferred text body (text/plain, else HTML converted to text); never null
 * @param bodySource  where {@code textBody} came from
 * @param attachments the attachments in document order; never null
 * @param sizeBytes   the size of the raw message in bytes
 */
public record ParsedMessage(String messageId, MailAddress from, List<MailAddress> to, String subject, Instant date,
                            String textBody, BodySource bodySource, List<AttachmentInfo> attachments,
                            long sizeBytes) {
    public ParsedMessage {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }
}
