package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.bool;
import static dev.fnbundle.email.aws.Attributes.instant;
import static dev.fnbundle.email.aws.Attributes.n;
import static dev.fnbundle.email.aws.Attributes.number;
import static dev.fnbundle.email.aws.Attributes.putText;
import static dev.fnbundle.email.aws.Attributes.s;
import static dev.fnbundle.email.aws.Attributes.text;

import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.mime.AttachmentInfo;
import dev.fnbundle.email.mime.MailAddress;
import dev.fnbundle.email.poll.InvoiceRecord;
import dev.fnbundle.email.poll.RecordKey;
import dev.fnbundle.email.poll.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Record items: one per message ({@code RECORD#mailbox#uidValidity#uid}), indexed by kind, mailbox and date in
 * GSI1 and by kind and date in GSI2. Header-derived text is cut to bounded lengths and at most
 * {@value #MAX_ATTACHMENTS} attachments are listed, so no message can make its record larger than an item may be.
 */
final class RecordItems {
    static final int MAX_ATTACHMENTS = 200;
    private static final int MAX_TEXT = 2_000;
    private static final int MAX_SHORT = 500;

    private RecordItems() {
    }

    static Map<String, AttributeValue> item(InvoiceRecord record) {
        var item = new HashMap<>(Keys.record(record.key()));
        RecordKey key = record.key();
        item.put("mailboxId", s(key.mailboxId()));
        item.put("uidValidity", n(key.uidValidity()));
        item.put("uid", n(key.uid()));
        item.put("kind", s(record.kind().name()));
        putText(item, "messageId", record.messageId(), MAX_TEXT);
        putText(item, "dedupeKey", record.dedupeKey(), MAX_TEXT);
        if (record.duplicateOf() != null) {
            item.put("duplicateOfUidValidity", n(record.duplicateOf().uidValidity()));
            item.put("duplicateOfUid", n(record.duplicateOf().uid()));
        }
        if (record.date() != null) {
            item.put("date", s(record.date().toString()));
        }
        if (record.from() != null) {
            putText(item, "fromAddress", record.from().address(), MAX_TEXT);
            putText(item, "fromName", record.from().displayName(), MAX_TEXT);
        }
        putText(item, "subject", record.subject(), MAX_TEXT);
        InvoiceFields fields = record.fields();
        putText(item, "amount", fields.amount(), MAX_SHORT);
        putText(item, "currency", fields.currency(), MAX_SHORT);
        putText(item, "invoiceNumber", fields.invoiceNumber(), MAX_SHORT);
        if (fields.dueDate() != null) {
            item.put("dueDate", s(fields.dueDate().toString()));
        }
        putText(item, "vendor", fields.vendor(), MAX_SHORT);
        if (!record.attachments().isEmpty()) {
            item.put("attachments", AttributeValue.fromL(record.attachments().stream().limit(MAX_ATTACHMENTS)
                    .map(RecordItems::attachment).toList()));
        }
        putText(item, "reason", record.reason(), MAX_TEXT);
        item.put("published", AttributeValue.fromBool(record.published()));
        item.put("recordedAt", s(record.recordedAt().toString()));
        String sortKey = sortKey(record);
        item.put(Keys.GSI1_PK, s(record.kind().name() + "#" + key.mailboxId()));
        item.put(Keys.GSI1_SK, s(sortKey));
        item.put(Keys.GSI2_PK, s(record.kind().name()));
        item.put(Keys.GSI2_SK, s(sortKey));
        return item;
    }

    /** Date first (the message's, else when it was recorded), then the key: oldest first, ties in UID order. */
    static String sortKey(InvoiceRecord record) {
        Instant date = record.date() != null ? record.date() : record.recordedAt();
        RecordKey key = record.key();
        return Keys.sortable(date) + "#" + key.mailboxId() + "#" + String.format("%020d#%020d", key.uidValidity(),
                key.uid());
    }

    static InvoiceRecord record(Map<String, AttributeValue> item) {
        String mailboxId = text(item, "mailboxId");
        var key = new RecordKey(mailboxId, number(item, "uidValidity", 0), number(item, "uid", 0));
        RecordKey duplicateOf = item.containsKey("duplicateOfUid") ? new RecordKey(mailboxId,
                number(item, "duplicateOfUidValidity", 0), number(item, "duplicateOfUid", 0)) : null;
        String fromAddress = text(item, "fromAddress");
        MailAddress from = fromAddress == null ? null : new MailAddress(fromAddress, text(item, "fromName"));
        String due = text(item, "dueDate");
        var fields = new InvoiceFields(text(item, "amount"), text(item, "currency"), text(item, "invoiceNumber"),
                due == null ? null : LocalDate.parse(due), text(item, "vendor"));
        List<AttachmentInfo> attachments = new ArrayList<>();
        AttributeValue list = item.get("attachments");
        if (list != null && list.hasL()) {
            list.l().forEach(a -> attachments.add(new AttachmentInfo(text(a.m(), "fileName"),
                    text(a.m(), "contentType"), number(a.m(), "size", 0))));
        }
        return new InvoiceRecord(key, RecordKind.valueOf(text(item, "kind")), text(item, "messageId"),
                text(item, "dedupeKey"), duplicateOf, instant(item, "date"), from, text(item, "subject"), fields,
                attachments, text(item, "reason"), bool(item, "published"), instant(item, "recordedAt"));
    }

    private static AttributeValue attachment(AttachmentInfo attachment) {
        var map = new HashMap<String, AttributeValue>();
        putText(map, "fileName", attachment.fileName(), MAX_SHORT);
        putText(map, "contentType", attachment.contentType(), MAX_SHORT);
        map.put("size", n(attachment.size()));
        return AttributeValue.fromM(map);
    }
}
