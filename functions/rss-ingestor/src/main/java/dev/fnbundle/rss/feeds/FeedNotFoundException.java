package dev.fnbundle.rss.feeds;

/** No subscription has this id (or it is being deleted). */
public final class FeedNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String feedId;

    public FeedNotFoundException(String feedId) {
        super("no feed " + feedId);
        this.feedId = feedId;
    }

    public String feedId() {
        return feedId;
    }
}
