package dev.fnbundle.email.poll;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code invoice.extracted} message. Absent fields are null.
 *
 * @param type           always {@value #TYPE}
 * @param idempotencyKey the record key as a string; consumers dedupe on it
 * @param mailboxId      the mailbox
 * @param messageId      the Message-ID, or null
 * @param date           the message date, or null
 * @param from           the sender address, or null
 * @param subject        the subject, or null
 * @param amount         a decimal string such as {@code 1234.50}, or null
 * @param currency       an ISO 4217 code, or null
 * @param invoiceNumber  the invoice number, or null
 * @param dueDate        the due date, or null
 * @param vendor         the vendor, or null
 */
public record InvoiceExtractedEvent(String type, String idempotencyKey, String mailboxId, String messageId,
                                    Instant date, String from, String subject, String amount, String currency,
                                    String invoiceNumber, LocalDate dueDate, String vendor) {
    /** The event type. */
    public static final String TYPE = "invoice.extracted";

    /**
     * The event for an invoice record.
     *
     * @param record an {@link RecordKind#INVOICE} record; never null
     * @return never null
     */
    public static InvoiceExtractedEvent of(InvoiceRecord record) {
        var fields = record.fields();
        return new InvoiceExtractedEvent(TYPE, record.key().asString(), record.key().mailboxId(), record.messageId(),
                record.date(), record.from() == null ? null : record.from().address(), record.subject(),
                fields.amount(), fields.currency(), fields.invoiceNumber(), fields.dueDate(), fields.vendor());
    }
}
