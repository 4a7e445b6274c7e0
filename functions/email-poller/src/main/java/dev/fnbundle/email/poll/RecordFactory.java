package dev.fnbundle.email.poll;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.email.invoice.InvoiceExtractor;
import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.mime.MessageParser;
import dev.fnbundle.email.mime.ParseOutcome;
import dev.fnbundle.email.mime.ParsedMessage;
import java.time.Instant;
import java.util.List;

/**
 * Builds the record of one fetched message: parse, extract, classify. Pure apart from the clock reading passed
 * in; the duplicate check is done by the caller. Thread-safe.
 */
final class RecordFactory {
    private final MessageParser parser;
    private final InvoiceExtractor extractor = new InvoiceExtractor();
    private final long maxMessageBytes;

    RecordFactory(MessageParser parser, long maxMessageBytes) {
        this.parser = parser;
        this.maxMessageBytes = maxMessageBytes;
    }

    InvoiceRecord build(RecordKey key, MessageMeta meta, FetchedMessage fetched, Instant now) {
        ParseOutcome outcome = parser.parse(fetched.raw());
        String dedupeKey = outcome.messageId() != null ? outcome.messageId()
                : "sha256:" + Digests.sha256Hex(fetched.raw());
        return switch (outcome) {
            case ParseOutcome.Parsed parsed when fetched.headersOnly() -> record(key, RecordKind.SKIPPED, parsed,
                    dedupeKey, meta, InvoiceFields.NONE, "message is " + meta.sizeBytes() + " bytes, over the "
                            + maxMessageBytes + " byte limit", now);
            case ParseOutcome.Parsed parsed -> record(key, RecordKind.INVOICE, parsed, dedupeKey, meta,
                    extractor.extract(parsed.message()), null, now);
            case ParseOutcome.Unparseable unparseable -> bare(key, RecordKind.UNPARSEABLE, outcome.messageId(),
                    dedupeKey, meta, unparseable.reason(), now);
            case ParseOutcome.TooLarge tooLarge -> bare(key, RecordKind.SKIPPED, null, dedupeKey, meta,
                    tooLarge.reason(), now);
        };
    }

    /**
     * The same message recorded as a copy of an earlier record.
     */
    static InvoiceRecord duplicateOf(InvoiceRecord record, RecordKey original) {
        return record.asDuplicateOf(original);
    }

    private static InvoiceRecord record(RecordKey key, RecordKind kind, ParseOutcome.Parsed parsed, String dedupeKey,
                                        MessageMeta meta, InvoiceFields fields, String reason, Instant now) {
        ParsedMessage message = parsed.message();
        Instant date = message.date() != null ? message.date() : meta.internalDate();
        return new InvoiceRecord(key, kind, message.messageId(), dedupeKey, null, date, message.from(),
                message.subject(), fields, message.attachments(), reason, false, now);
    }

    private static InvoiceRecord bare(RecordKey key, RecordKind kind, String messageId, String dedupeKey,
                                      MessageMeta meta, String reason, Instant now) {
        return new InvoiceRecord(key, kind, messageId, dedupeKey, null, meta.internalDate(), null, null,
                InvoiceFields.NONE, List.of(), reason, false, now);
    }
}
