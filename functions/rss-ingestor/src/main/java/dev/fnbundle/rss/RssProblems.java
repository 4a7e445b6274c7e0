package dev.fnbundle.rss;

import dev.fnbundle.common.fetch.PermanentFetchException;
import dev.fnbundle.common.fetch.SsrfRefusedException;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemMapper;
import dev.fnbundle.rss.feeds.FeedBeingDeletedException;
import dev.fnbundle.rss.feeds.FeedNotFoundException;
import dev.fnbundle.rss.feeds.SinceOutOfRangeException;
import dev.fnbundle.rss.parse.FeedParseException;
import dev.fnbundle.rss.parse.FeedParseReason;
import java.util.Locale;

/**
 * How the RSS ingestor's exceptions become problem+json answers. A document that cannot be read as a feed is a
 * 422 whose {@code reason} says why (not_xml, not_a_feed, html_page, truncated, encoding) with the position; one
 * that exceeds a structural cap of the parser (depth, tag size) is a 413. A URL the SSRF guard refuses is a 400
 * on the {@code url} field whose {@code why} (and {@code category} for addresses) says what to change.
 */
final class RssProblems {
    static final ProblemMapper MAPPER = ProblemMapper.builder()
            .map(FeedParseException.class, RssProblems::unreadable)
            .map(SsrfRefusedException.class, RssProblems::refused)
            .map(PermanentFetchException.class, e -> Problem.invalid("url", e.getMessage())
                    .with("why", e.reason().name().toLowerCase(Locale.ROOT)))
            .map(FeedNotFoundException.class, e -> Problem.notFound("no feed " + e.feedId()))
            .map(FeedBeingDeletedException.class, e -> Problem.of(409, "feed-being-deleted", "Feed being deleted",
                    "the subscription of this URL is still being deleted; repeat DELETE /feeds/" + e.feedId()
                            + " until it answers 204, then subscribe again").with("feedId", e.feedId()))
            .map(SinceOutOfRangeException.class, e -> Problem.invalid("since", e.getMessage()))
            .build();

    private RssProblems() {
    }

    private static Problem refused(SsrfRefusedException e) {
        Problem problem = Problem.invalid("url", e.getMessage())
                .with("why", e.why().name().toLowerCase(Locale.ROOT));
        return e.category() == null ? problem : problem.with("category", e.category().name().toLowerCase(Locale.ROOT));
    }

    private static Problem unreadable(FeedParseException e) {
        Problem problem = e.reason() == FeedParseReason.LIMIT_EXCEEDED
                ? Problem.of(413, "feed-limit-exceeded", "Feed exceeds a parser limit", e.getMessage())
                : Problem.of(422, "unreadable-feed", "Not a readable feed", e.getMessage());
        return problem.with("reason", e.reason().id()).with("line", e.line()).with("column", e.column());
    }
}
