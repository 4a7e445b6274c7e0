package dev.fnbundle.email.support;

import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.mime.AttachmentInfo;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.RecordKey;
import dev.fnbundle.email.poll.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Invoice records for adapter tests. */
public final class Records {
    private Records() {
    }

    /** An invoice of {@code amount} USD dated {@code date}, from Acme, with one PDF attachment. */
    public static InvoiceRecord invoice(String mailboxId, long uid, String messageId, Instant date, String amount) {
        return new InvoiceRecord(new RecordKey(mailboxId, 7, uid), RecordKind.INVOICE, messageId, messageId, null,
                date, new MailAddress("billing@acme.example", "Acme Billing"), "Invoice " + uid,
                new InvoiceFields(amount, "USD", "INV-" + uid, LocalDate.of(2026, 6, 30), "Acme Billing"),
                List.of(new AttachmentInfo("invoice-" + uid + ".pdf", "application/pdf", 1234)), null, false,
                Instant.parse("2026-05-20T10:00:00Z"));
    }

    /** A record of another kind with a reason. */
    public static InvoiceRecord of(RecordKind kind, String mailboxId, long uid, Instant date, String reason) {
        return new InvoiceRecord(new RecordKey(mailboxId, 7, uid), kind, null, "sha256:" + mailboxId + uid, null,
                date, null, null, InvoiceFields.NONE, List.of(), reason, false, Instant.parse("2026-05-20T10:00:00Z"));
    }
}
