package dev.fnbundle.email.invoice;

import java.time.LocalDate;

/**
 * What was extracted from one invoice message. Every field is null when the message does not state it; nothing
 * is guessed.
 *
 * @param amount        the amount to pay as a plain decimal string with two decimals, e.g. {@code 1234.50}
 * @param currency      the ISO 4217 code of {@code amount}, e.g. {@code USD}
 * @param invoiceNumber the invoice number as written, e.g. {@code INV-2026-0042}
 * @param dueDate       the payment due date
 * @param vendor        the sender's display name, else the sender's domain
 */
public record InvoiceFields(String amount, String currency, String invoiceNumber, LocalDate dueDate,
                            String vendor) {
    /** Nothing extracted. */
    public static final InvoiceFields NONE = new InvoiceFields(null, null, null, null, null);
}
