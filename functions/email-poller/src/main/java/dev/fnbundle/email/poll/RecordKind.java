package dev.fnbundle.email.poll;

/** What a record says about its message. */
public enum RecordKind {
    /** An invoice: extracted, published as {@code invoice.extracted}, listed by GET /invoices. */
    INVOICE,
    /** A copy of a message already recorded under another key (same Message-ID); not a second invoice. */
    DUPLICATE,
    /** The MIME structure could not be walked; the message is archived so it does not block the ones behind it. */
    UNPARSEABLE,
    /** The message is over the size cap; only its headers were read and it is left in the folder for a human. */
    SKIPPED
}
