package dev.fnbundle.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.HttpApiHandler;
import dev.fnbundle.common.http.Router;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.PrimingRequest;
import dev.fnbundle.email.listing.InvoiceView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The email poller's HTTP API: mailbox registration, status and manual polls; invoices as JSON pages and as CSV.
 * Thin: parse, call the registry or the listing, map the result; errors become problem+json through
 * {@link EmailProblems}. No answer ever carries a password.
 */
public final class EmailApiHandler implements HttpApiHandler {
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_MAILBOX_PAGE = 100;

    /** The SnapStart priming: an unknown route, then the real hot path without a storage call. */
    static final List<PrimingRequest> PRIMING_REQUESTS = List.of(PrimingRequest.unknownRoute(),
            PrimingRequest.post("/mailboxes", "{\"host\": \"imap example com\", \"port\": 70000, \"username\": \"\", "
                    + "\"passwordSecret\": \"env:IMAP_PASSWORD\", \"folder\": \"INBOX\"}"));
    /**
     * Primes routing, registration parsing and field validation, and problem rendering (a valid registration is stored,
     * so it is not primed) before the snapshot. Last of the static fields: priming on init ({@link
     * ApiPriming#PRIME_ON_INIT}) constructs this class while it is being initialised.
     */
    static final ApiPriming PRIMING = ApiPriming.register("email-poller", EmailApiHandler::new,
            PRIMING_REQUESTS);

    private final EmailWiring wiring;
    private final Router router;

    public EmailApiHandler() {
        this(EmailWiring.fromEnv());
    }

    EmailApiHandler(EmailWiring wiring) {
        this.wiring = wiring;
        this.router = Router.builder()
                .route("POST /mailboxes", this::register)
                .route("GET /mailboxes", this::listMailboxes)
                .route("GET /mailboxes/{id}", this::mailbox)
                .route("DELETE /mailboxes/{id}", this::delete)
                .route("POST /mailboxes/{id}/poll", this::pollNow)
                .route("GET /invoices", this::invoices)
                .route("GET /invoices.csv", this::csv)
                .problems(EmailProblems.MAPPER)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    Router router() {
        return router;
    }

    private ApiResponse register(ApiRequest request) {
        var mailbox = wiring.mailboxes().register(MailboxRequestReader.read(request.json(MAX_BODY_BYTES)));
        return ApiResponse.created("/mailboxes/" + mailbox.mailbox().id(), mailbox);
    }

    private ApiResponse listMailboxes(ApiRequest request) {
        var page = wiring.mailboxes().list(request.limit(MAX_MAILBOX_PAGE, MAX_MAILBOX_PAGE),
                request.query(PageTokens.FIELD).filter(t -> !t.isEmpty()).orElse(null));
        var body = new LinkedHashMap<String, Object>();
        body.put("mailboxes", page.items());
        body.put(PageTokens.FIELD, page.nextToken());
        return ApiResponse.ok(body);
    }

    private ApiResponse mailbox(ApiRequest request) {
        return ApiResponse.ok(wiring.mailboxes().get(request.pathParameter("id")));
    }

    private ApiResponse delete(ApiRequest request) {
        wiring.mailboxes().delete(request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    private ApiResponse pollNow(ApiRequest request) {
        var task = wiring.mailboxes().requestPoll(request.pathParameter("id"));
        var body = new LinkedHashMap<String, Object>();
        body.put("mailboxId", task.mailboxId());
        body.put("status", "queued");
        body.put("requestedAt", task.requestedAt());
        return ApiResponse.json(202, body).header("location", "/mailboxes/" + task.mailboxId());
    }

    private ApiResponse invoices(ApiRequest request) {
        var page = wiring.invoices().page(InvoiceQueryReader.read(request));
        var body = new LinkedHashMap<String, Object>();
        body.put("invoices", page.records().stream().map(r -> InvoiceView.of(r.record())).toList());
        body.put(PageTokens.FIELD, page.nextToken());
        return ApiResponse.ok(body);
    }

    /**
     * At most {@link dev.fnbundle.email.listing.CsvDownload#MAX_ROWS} rows and 5 MiB per download (Lambda answers
     * at most 6 MB); when more remain, {@code x-next-token} (and a {@code link} with {@code rel="next"}) say where
     * the next download starts.
     */
    private ApiResponse csv(ApiRequest request) {
        var query = InvoiceQueryReader.read(request);
        var csv = wiring.csv().export(query);
        var response = ApiResponse.text(200, "text/csv", csv.body())
                .header("content-disposition", "attachment; filename=\"invoices.csv\"")
                .header("x-row-count", Integer.toString(csv.rows()));
        if (csv.nextToken() == null) {
            return response;
        }
        return response.header("x-next-token", csv.nextToken())
                .header("link", "<" + nextLink(request, csv.nextToken()) + ">; rel=\"next\"");
    }

    private static String nextLink(ApiRequest request, String token) {
        var link = new StringBuilder("/invoices.csv?");
        for (String name : new String[] {"mailbox", "from", "to"}) {
            request.query(name).filter(v -> !v.isEmpty()).ifPresent(v -> link.append(name).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        }
        return link.append(PageTokens.FIELD).append('=').append(token).toString();
    }
}
