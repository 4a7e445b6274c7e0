package dev.fnbundle.rss.feeds;

/** A subscription's URL is not a usable absolute URL (HTTP 400 on the {@code url} field). */
public final class InvalidFeedUrlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param detail what is wrong, phrased to follow the field name ("is not a valid URL") */
    public InvalidFeedUrlException(String detail) {
        super(detail);
    }
}
