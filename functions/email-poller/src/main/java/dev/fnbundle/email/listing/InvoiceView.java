package dev.fnbundle.email.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fnbundle.email.mime.AttachmentInfo;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.poll.InvoiceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A record as GET /invoices returns it. Absent values are left out.
 *
 * @param id            the record key, {@code mailboxId#uidValidity#uid}; consumers of {@code invoice.extracted}
 *                      see it as the idempotency key
 * @param mailboxId     the mailbox
 * @param kind          INVOICE, DUPLICATE, UNPARSEABLE or SKIPPED
 * @param date          the message date
 * @param from          the sender
 * @param subject       the subject
 * @param amount        a decimal string such as {@code 1234.50}
 * @param currency      an ISO 4217 code
 * @param invoiceNumber the invoice number
 * @param dueDate       the due date
 * @param vendor        the vendor
 * @param messageId     the Message-ID
 * @param attachments   names, types and sizes of the attachments (their content is never kept)
 * @param reason        why an UNPARSEABLE or SKIPPED message was not processed
 * @param duplicateOf   for a DUPLICATE, the id of the first record of the message
 * @param recordedAt    when the record was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(String id, String mailboxId, String kind, Instant date, MailAddress from, String subject,
                          String amount, String currency, String invoiceNumber, LocalDate dueDate, String vendor,
                          String messageId, List<AttachmentInfo> attachments, String reason, String duplicateOf,
                          Instant recordedAt) {

    /**
     * @param record never null
     * @return never null
     */
    public static InvoiceView of(InvoiceRecord record) {
        var fields = record.fields();
        return new InvoiceView(record.key().asString(), record.key().mailboxId(), record.kind().name(),
                record.date(), record.from(), record.subject(), fields.amount(), fields.currency(),
                fields.invoiceNumber(), fields.dueDate(), fields.vendor(), record.messageId(),
                record.attachments().isEmpty() ? null : record.attachments(), record.reason(),
                record.duplicateOf() == null ? null : record.duplicateOf().asString(), record.recordedAt());
    }
}
