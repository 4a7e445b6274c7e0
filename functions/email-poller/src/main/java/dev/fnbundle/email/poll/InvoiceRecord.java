package dev.fnbundle.email.poll;

import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.mime.AttachmentInfo;
import dev.fnbundle.email.mime.MailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the poller records for one message, whatever became of it.
 *
 * @param key         the idempotency key; never null
 * @param kind        never null
 * @param messageId   the Message-ID header, or null when the message has none
 * @param dedupeKey   the Message-ID, or {@code sha256:<hex>} of the raw message when it has none; never null
 * @param duplicateOf for {@link RecordKind#DUPLICATE}, the key of the first record of this message, else null
 * @param date        the Date header, else the server's INTERNALDATE; null when neither is known
 * @param from        the sender, or null
 * @param subject     the decoded subject, or null
 * @param fields      the extracted fields; {@link InvoiceFields#NONE} for records that are not invoices
 * @param attachments the attachments; never null
 * @param reason      why an UNPARSEABLE or SKIPPED message was not processed, else null
 * @param published   whether {@code invoice.extracted} has been published for this record
 * @param recordedAt  when the record was first written; never null
 */
public record InvoiceRecord(RecordKey key, RecordKind kind, String messageId, String dedupeKey,
                            RecordKey duplicateOf, Instant date, MailAddress from, String subject,
                            InvoiceFields fields, List<AttachmentInfo> attachments, String reason,
                            boolean published, Instant recordedAt) {
    public InvoiceRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(recordedAt, "recordedAt");
        attachments = List.copyOf(attachments);
    }

    /**
     * This record with {@code published} set.
     *
     * @return a copy; never null
     */
    public InvoiceRecord asPublished() {
        return new InvoiceRecord(key, kind, messageId, dedupeKey, duplicateOf, date, from, subject, fields,
                attachments, reason, true, recordedAt);
    }

    /**
     * This message recorded as a copy of an earlier record with the same dedupe key: kind
     * {@link RecordKind#DUPLICATE}, no extracted fields, not published.
     *
     * @param original the key of the first record of this message; never null
     * @return a copy; never null
     */
    public InvoiceRecord asDuplicateOf(RecordKey original) {
        Objects.requireNonNull(original, "original");
        return new InvoiceRecord(key, RecordKind.DUPLICATE, messageId, dedupeKey, original, date, from, subject,
                InvoiceFields.NONE, attachments, "copy of " + original.asString(), false, recordedAt);
    }
}
