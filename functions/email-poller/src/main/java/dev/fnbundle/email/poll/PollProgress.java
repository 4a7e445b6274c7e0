package dev.fnbundle.email.poll;

/** The counters of one poll while it runs, across reconnects. Not thread-safe: one poll, one thread. */
final class PollProgress {
    private final String mailboxId;
    private int invoices;
    private int duplicates;
    private int unparseable;
    private int skipped;
    private int replayed;
    private int archived;
    private long uidValidity;
    private long lastUid;
    private boolean validityChanged;
    private int reconnects;
    private boolean moreRemaining;

    PollProgress(String mailboxId) {
        this.mailboxId = mailboxId;
    }

    void counted(InvoiceRecord record, boolean replay) {
        if (replay) {
            replayed++;
            return;
        }
        switch (record.kind()) {
            case INVOICE -> invoices++;
            case DUPLICATE -> duplicates++;
            case UNPARSEABLE -> unparseable++;
            case SKIPPED -> skipped++;
            default -> throw new IllegalStateException("unknown kind " + record.kind());
        }
    }

    void archived(int count) {
        archived += count;
    }

    void at(Checkpoint checkpoint) {
        uidValidity = checkpoint.uidValidity();
        lastUid = checkpoint.lastUid();
    }

    void validityChanged() {
        validityChanged = true;
    }

    void reconnected() {
        reconnects++;
    }

    int reconnects() {
        return reconnects;
    }

    void moreRemaining() {
        moreRemaining = true;
    }

    PollResult result(PollStatus status, String error) {
        return new PollResult(mailboxId, status, invoices, duplicates, unparseable, skipped, replayed, archived,
                uidValidity, lastUid, validityChanged, reconnects, moreRemaining, error);
    }
}
