package dev.fnbundle.fuzzy;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.fuzzy.aws.DynamoCatalogRepository;
import dev.fnbundle.fuzzy.aws.DynamoRequestWarmUp;
import dev.fnbundle.fuzzy.aws.DynamoSnapshotStore;
import dev.fnbundle.fuzzy.aws.SqsImportQueue;
import dev.fnbundle.fuzzy.catalog.CatalogImports;
import dev.fnbundle.fuzzy.catalog.CatalogService;
import dev.fnbundle.fuzzy.catalog.ImportQueue;
import dev.fnbundle.fuzzy.catalog.IndexCache;
import dev.fnbundle.fuzzy.catalog.SearchWarmUp;
import dev.fnbundle.fuzzy.distance.SimilarityService;
import dev.fnbundle.fuzzy.phonetic.PhoneticService;
import java.time.Clock;

/**
 * Everything the fuzzy-search handlers use, built once per execution environment: clients, the catalog store, the
 * index cache and the plain-Java services.
 */
public record FuzzyWiring(SimilarityService similarity, PhoneticService phonetic, CatalogService catalogs,
                          CatalogImports imports, ImportQueue importQueue) {

    /**
     * The production wiring from the function's environment. Starts a warm-up thread first, so that the SDK's
     * endpoint tables ({@link DynamoRequestWarmUp#loadEndpointMetadata}), the first search's own classes
     * ({@link SearchWarmUp}) and the SDK's request path ({@link DynamoRequestWarmUp#run}) are loaded on the second
     * core while the AWS clients are built on this one.
     */
    public static FuzzyWiring fromEnv() {
        SearchWarmUp.start(DynamoRequestWarmUp::loadEndpointMetadata, DynamoRequestWarmUp::run);
        return from(Env.system());
    }

    public static FuzzyWiring from(Env env) {
        var config = FuzzyConfig.from(env);
        var dynamo = AwsClients.dynamoDb(env);
        var catalogs = new CatalogService(new DynamoCatalogRepository(dynamo, config.table()),
                new DynamoSnapshotStore(dynamo, config.table()), new IndexCache(config.cacheMaxItems()),
                Clock.systemUTC());
        // Built on the first import only: a search's cold start does not pay for a client it does not use.
        var queue = new SqsImportQueue(() -> AwsClients.sqs(env), config.importQueueUrl());
        return new FuzzyWiring(new SimilarityService(), new PhoneticService(), catalogs,
                new CatalogImports(catalogs, queue), queue);
    }
}
