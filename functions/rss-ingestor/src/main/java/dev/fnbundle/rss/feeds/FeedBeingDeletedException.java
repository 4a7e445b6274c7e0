package dev.fnbundle.rss.feeds;

/** The URL's subscription is still being deleted, so it cannot be subscribed again yet (HTTP 409). */
public final class FeedBeingDeletedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String feedId;

    public FeedBeingDeletedException(String feedId) {
        super("feed " + feedId + " is being deleted");
        this.feedId = feedId;
    }

    public String feedId() {
        return feedId;
    }
}
