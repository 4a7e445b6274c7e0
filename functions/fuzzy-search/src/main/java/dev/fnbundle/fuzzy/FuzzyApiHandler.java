package dev.fnbundle.fuzzy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.http.ApiRequest;
import dev.fnbundle.common.http.ApiResponse;
import dev.fnbundle.common.http.HttpApiHandler;
import dev.fnbundle.common.http.Router;
import dev.fnbundle.common.snapstart.ApiPriming;
import dev.fnbundle.common.snapstart.PrimingRequest;
import dev.fnbundle.fuzzy.api.CatalogSettingsReader;
import dev.fnbundle.fuzzy.api.CatalogView;
import dev.fnbundle.fuzzy.api.DuplicateRequest;
import dev.fnbundle.fuzzy.api.DuplicatesView;
import dev.fnbundle.fuzzy.api.ItemBatchReader;
import dev.fnbundle.fuzzy.api.ItemsWrittenView;
import dev.fnbundle.fuzzy.api.PhoneticRequest;
import dev.fnbundle.fuzzy.api.SearchParameters;
import dev.fnbundle.fuzzy.api.SearchView;
import dev.fnbundle.fuzzy.api.SimilarityRequest;
import dev.fnbundle.fuzzy.api.SimilarityView;
import dev.fnbundle.fuzzy.catalog.CatalogService;
import java.util.List;

/**
 * The fuzzy-search HTTP API: similarity and phonetic codes, catalogs, their items, search and duplicates. Thin:
 * parse, call the core, map the result; errors become problem+json through {@link FuzzyProblems}.
 */
public final class FuzzyApiHandler implements HttpApiHandler {
    /** Lambda's own request limit: 1 000 items of 2 000 characters fit, and imports may be larger. */
    static final int MAX_ITEMS_BODY_BYTES = 6 * 1024 * 1024;
    /** Two texts of 100 000 code points (the longest any algorithm compares) in up to 4 bytes each. */
    private static final int MAX_SIMILARITY_BODY_BYTES = 1024 * 1024;
    private static final int MAX_SMALL_BODY_BYTES = 64 * 1024;

    /** The SnapStart priming: an unknown route, then the real hot path without a storage call. */
    static final List<PrimingRequest> PRIMING_REQUESTS = List.of(PrimingRequest.unknownRoute(),
            PrimingRequest.post("/similarity",
                    "{\"a\": \"python\", \"b\": \"pyhton\", \"algorithm\": \"levenshtein\"}"),
            PrimingRequest.post("/phonetic", "{\"text\": \"Robert\", \"algorithm\": \"soundex\"}"));
    /**
     * Primes routing, similarity and phonetic algorithms, JSON mapping and problem rendering before the snapshot. Last
     * of the static fields: priming on init ({@link ApiPriming#PRIME_ON_INIT}) constructs this class while it is being
     * initialised.
     */
    static final ApiPriming PRIMING = ApiPriming.register("fuzzy-search", FuzzyApiHandler::new,
            PRIMING_REQUESTS);

    private final FuzzyWiring wiring;
    private final Router router;

    public FuzzyApiHandler() {
        this(FuzzyWiring.fromEnv());
    }

    FuzzyApiHandler(FuzzyWiring wiring) {
        this.wiring = wiring;
        this.router = Router.builder()
                .route("POST /similarity", this::similarity)
                .route("POST /phonetic", this::phonetic)
                .route("PUT /catalogs/{name}", this::putCatalog)
                .route("GET /catalogs/{name}", this::getCatalog)
                .route("POST /catalogs/{name}/items", this::addItems)
                .route("DELETE /catalogs/{name}/items/{id}", this::deleteItem)
                .route("POST /catalogs/{name}/imports", this::startImport)
                .route("GET /catalogs/{name}/search", this::search)
                .route("POST /catalogs/{name}/duplicates", this::duplicates)
                .problems(FuzzyProblems.mapper(wiring.importQueue().url()))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event, context);
    }

    Router router() {
        return router;
    }

    private ApiResponse similarity(ApiRequest request) {
        var body = SimilarityRequest.read(request.json(MAX_SIMILARITY_BODY_BYTES));
        var scores = wiring.similarity().compare(body.a(), body.b(), body.algorithm(), body.options());
        return ApiResponse.ok(SimilarityView.of(body.algorithm(), scores));
    }

    private ApiResponse phonetic(ApiRequest request) {
        var body = PhoneticRequest.read(request.json(MAX_SMALL_BODY_BYTES));
        return ApiResponse.ok(new PhoneticRequest.Code(body.algorithm().jellyfishName(),
                wiring.phonetic().encode(body.text(), body.algorithm())));
    }

    private ApiResponse putCatalog(ApiRequest request) {
        String name = CatalogService.validName(request.pathParameter("name"));
        var outcome = wiring.catalogs().put(name, CatalogSettingsReader.read(request.text(MAX_SMALL_BODY_BYTES)));
        var view = CatalogView.of(outcome.header());
        return outcome.created() ? ApiResponse.created("/catalogs/" + name, view) : ApiResponse.ok(view);
    }

    private ApiResponse getCatalog(ApiRequest request) {
        return ApiResponse.ok(CatalogView.of(wiring.catalogs().header(request.pathParameter("name"))));
    }

    private ApiResponse addItems(ApiRequest request) {
        String name = CatalogService.validName(request.pathParameter("name"));
        var entries = ItemBatchReader.readBody(request.json(MAX_ITEMS_BODY_BYTES), CatalogService.MAX_BATCH_ITEMS);
        var result = wiring.catalogs().addItems(name, entries);
        return ApiResponse.ok(ItemsWrittenView.of(result, wiring.catalogs().header(name)));
    }

    private ApiResponse deleteItem(ApiRequest request) {
        wiring.catalogs().deleteItem(request.pathParameter("name"), request.pathParameter("id"));
        return ApiResponse.noContent();
    }

    private ApiResponse startImport(ApiRequest request) {
        String name = CatalogService.validName(request.pathParameter("name"));
        var entries = ItemBatchReader.readBody(request.json(MAX_ITEMS_BODY_BYTES), Integer.MAX_VALUE);
        return ApiResponse.json(202, wiring.imports().start(name, entries, request.requestId()));
    }

    private ApiResponse search(ApiRequest request) {
        String name = CatalogService.validName(request.pathParameter("name"));
        return ApiResponse.ok(SearchView.of(wiring.catalogs().search(name, SearchParameters.read(request))));
    }

    private ApiResponse duplicates(ApiRequest request) {
        String name = CatalogService.validName(request.pathParameter("name"));
        var query = DuplicateRequest.read(request.text(MAX_SMALL_BODY_BYTES));
        return ApiResponse.ok(DuplicatesView.of(wiring.catalogs().duplicates(name, query), query));
    }
}
