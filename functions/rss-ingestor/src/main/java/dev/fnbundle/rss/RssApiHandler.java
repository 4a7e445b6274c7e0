package dev.fnbundle.rss;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.HttpApiHandler;
import dev.fnbundle.common.http.Router;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.PrimingRequest;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.rss.entries.StoredEntry;
import dev.fnbundle.rss.feeds.FeedNotFoundException;
import dev.fnbundle.rss.feeds.FeedService;
import dev.fnbundle.rss.feeds.FeedUrl;
import dev.fnbundle.rss.feeds.Page;
import dev.fnbundle.rss.parse.FeedParser;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The RSS ingestor's HTTP API: preview parsing, subscriptions, and the ingested entries per feed and across
 * feeds. Thin: parse, call the core, map the result; errors become problem+json through {@link RssProblems}.
 */
public final class RssApiHandler implements HttpApiHandler {
    /** Lambda's own request limit: a larger feed document is a 413 before any parsing. */
    static final int MAX_FEED_BYTES = 6 * 1024 * 1024;
    private static final int MAX_JSON_BYTES = 16 * 1024;
    private static final int MAX_TITLE_CHARS = 200;
    /** Half the function's timeout: a delete that needs longer answers 202 and is continued by repeating it. */
    private static final Duration DELETE_BUDGET = Duration.ofSeconds(10);

    /** The SnapStart priming: an unknown route, then the real hot path without a storage call. */
    static final List<PrimingRequest> PRIMING_REQUESTS = List.of(PrimingRequest.unknownRoute(),
            PrimingRequest.post("/feeds/parse", "application/rss+xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<rss version=\"2.0\"><channel><title>Priming</title><link>https://example.com/</link>"
                    + "<item><title>One</title><link>https://example.com/1</link><guid>p-1</guid>"
                    + "<description>&lt;p&gt;Some &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</description>"
                    + "<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>"));
    /**
     * Primes routing, feed parsing (StAX, HTML to text, dates) and problem rendering before the snapshot. Last of the
     * static fields: priming on init ({@link ApiPriming#PRIME_ON_INIT}) constructs this class while it is being
     * initialised.
     */
    static final ApiPriming PRIMING = ApiPriming.register("rss-ingestor", RssApiHandler::new,
            PRIMING_REQUESTS);

    private final FeedService feeds;
    private final FeedParser parser;
    private final Clock clock;
    private final Router router;

    public RssApiHandler() {
        this(RssWiring.feeds(Env.system()), new FeedParser(), Clock.systemUTC());
    }

    RssApiHandler(FeedService feeds, FeedParser parser, Clock clock) {
        this.feeds = feeds;
        this.parser = parser;
        this.clock = clock;
        this.router = Router.builder()
                .route("POST /feeds/parse", this::parse)
                .route("POST /feeds", this::subscribe)
                .route("GET /feeds", this::list)
                .route("GET /feeds/{id}", this::get)
                .route("DELETE /feeds/{id}", this::delete)
                .route("GET /feeds/{id}/items", this::feedItems)
                .route("GET /items", this::items)
                .problems(RssProblems.MAPPER)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    Router router() {
        return router;
    }

    /** Parses a feed document in the body; nothing is fetched or stored. */
    private ApiResponse parse(ApiRequest request) {
        byte[] body = request.body(MAX_FEED_BYTES);
        if (body.length == 0) {
            throw new InvalidFieldsException("body", "is required: the feed document (RSS or Atom XML)");
        }
        int limit = request.limit(100, 1000);
        var preview = parser.preview(new ByteArrayInputStream(body), ApiQueries.charset(request),
                ApiQueries.base(request), limit);
        return ApiResponse.ok(PreviewView.of(preview));
    }

    /** 201 for a new subscription, 200 with the existing one when the URL is already subscribed. */
    private ApiResponse subscribe(ApiRequest request) {
        var v = request.jsonObject(MAX_JSON_BYTES);
        String url = v.requiredText("url", FeedUrl.MAX_LENGTH);
        String title = v.optionalText("title", MAX_TITLE_CHARS).orElse(null);
        v.throwIfInvalid();
        var subscribed = feeds.subscribe(url, title);
        var view = FeedView.of(subscribed.subscription());
        String location = "/feeds/" + view.id();
        return subscribed.created() ? ApiResponse.created(location, view)
                : ApiResponse.ok(view).header("content-location", location);
    }

    private ApiResponse list(ApiRequest request) {
        var page = feeds.list(request.limit(50, 100), request.query(PageTokens.FIELD).orElse(null));
        return ApiResponse.ok(body("feeds", page, FeedView::of));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(FeedView.of(feeds.get(feedId(request))));
    }

    /** 204 when the feed and its entries are gone; 202 while entries remain (repeat the DELETE to continue). */
    private ApiResponse delete(ApiRequest request) {
        String id = feedId(request);
        if (feeds.delete(id, DELETE_BUDGET) == FeedService.Deletion.DELETED) {
            return ApiResponse.noContent();
        }
        return ApiResponse.json(202, Map.of("id", id, "status", "deleting",
                "detail", "the feed is hidden; its entries are still being removed: repeat the DELETE"));
    }

    private ApiResponse feedItems(ApiRequest request) {
        String id = feedId(request);
        Page<StoredEntry> page = feeds.items(id, request.limit(20, 100),
                request.query(PageTokens.FIELD).orElse(null));
        return ApiResponse.ok(body("items", page, EntryView::of));
    }

    private ApiResponse items(ApiRequest request) {
        var since = ApiQueries.since(request, clock.instant());
        Page<StoredEntry> page = feeds.itemsSince(since, request.limit(50, 100),
                request.query(PageTokens.FIELD).orElse(null));
        var body = body("items", page, EntryView::of);
        body.put("since", since);
        return ApiResponse.ok(body);
    }

    /** A path id that cannot be a feed id is a 404 without a table read. */
    private static String feedId(ApiRequest request) {
        String id = request.pathParameter("id");
        if (!FeedUrl.isId(id)) {
            throw new FeedNotFoundException(id);
        }
        return id;
    }

    private static <T, V> Map<String, Object> body(String name, Page<T> page, Function<T, V> view) {
        var body = new LinkedHashMap<String, Object>();
        List<V> items = page.items().stream().map(view).toList();
        body.put(name, items);
        body.put(PageTokens.FIELD, page.nextToken());
        return body;
    }
}
