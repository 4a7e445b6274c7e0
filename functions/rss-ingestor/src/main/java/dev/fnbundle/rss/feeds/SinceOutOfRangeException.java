package dev.fnbundle.rss.feeds;

/** {@code since} reaches further back than the cross-feed index keeps buckets for (HTTP 400). */
public final class SinceOutOfRangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int maxDays;

    public SinceOutOfRangeException(int maxDays) {
        super("must be within the last " + maxDays + " days");
        this.maxDays = maxDays;
    }

    public int maxDays() {
        return maxDays;
    }
}
