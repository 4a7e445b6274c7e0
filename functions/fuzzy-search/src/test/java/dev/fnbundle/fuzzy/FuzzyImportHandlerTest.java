package dev.fnbundle.fuzzy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.testing.FakeLambdaContext;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogSettings;
import dev.fnbundle.fuzzy.catalog.SearchRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;

/** The import queue consumer on DynamoDB Local, fed the SQS batch in events/fuzzy-search. */
class FuzzyImportHandlerTest {
    private static FuzzyWiring wiring;

    @BeforeAll
    static void wire() {
        var aws = LocalAws.shared();
        aws.provisionTable("FuzzyCatalogTable");
        aws.provisionQueue("FuzzyImportQueue");
        wiring = FuzzyWiring.from(Env.of(aws.functionEnvironment("FuzzyImportFunction")));
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/import-messages.json", type = SQSEvent.class)
    void a_valid_message_is_applied_once_and_poison_messages_are_reported_as_failed(SQSEvent event) {
        String name = "queued-" + UUID.randomUUID().toString().substring(0, 8);
        wiring.catalogs().put(name, CatalogSettings.DEFAULTS);
        event.getRecords().forEach(r -> r.setBody(r.getBody().replace("\"books\"", "\"" + name + "\"")));
        var handler = new FuzzyImportHandler(new ImportWorker(wiring.imports()));

        SQSBatchResponse first = handler.handleRequest(event, new FakeLambdaContext("fuzzy-import"));
        long afterFirst = wiring.catalogs().header(name).version();
        SQSBatchResponse redelivered = handler.handleRequest(event, new FakeLambdaContext("fuzzy-import"));

        var records = event.getRecords();
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(records.get(1).getMessageId(), records.get(2).getMessageId(),
                        records.get(3).getMessageId());
        assertThat(redelivered.getBatchItemFailures()).hasSize(3);
        assertThat(afterFirst).isEqualTo(1);
        assertThat(wiring.catalogs().header(name).version()).as("a redelivery is not a change").isEqualTo(1);
        assertThat(wiring.catalogs().header(name).itemCount()).isEqualTo(2);
        var search = wiring.catalogs().search(name, new SearchRequest("go concurency", 1, 0.3, "default"));
        CatalogEntry hit = search.entry(search.result().hits().get(0));
        assertThat(hit).isEqualTo(new CatalogEntry("queued-2", "Go Concurrency Patterns", "{\"format\":\"print\"}"));
    }

    @ParameterizedTest
    @Event(value = "fuzzy-search/import-messages.json", type = SQSEvent.class)
    void after_a_batch_the_catalog_snapshot_is_current_and_a_cold_container_searches_from_it(SQSEvent event) {
        String name = "snapshotted-" + UUID.randomUUID().toString().substring(0, 8);
        wiring.catalogs().put(name, CatalogSettings.DEFAULTS);
        event.getRecords().forEach(r -> r.setBody(r.getBody().replace("\"books\"", "\"" + name + "\"")));
        var handler = new FuzzyImportHandler(new ImportWorker(wiring.imports()));

        handler.handleRequest(event, new FakeLambdaContext("fuzzy-import"));
        var cold = FuzzyWiring.from(Env.of(LocalAws.shared().functionEnvironment("FuzzyApiFunction"))).catalogs();
        var search = cold.search(name, new SearchRequest("go concurency", 1, 0.3, "default"));

        assertThat(wiring.catalogs().refreshSnapshot(name)).as("the importer wrote it already").isFalse();
        assertThat(cold.loads().fromSnapshot()).isEqualTo(1);
        assertThat(cold.loads().fromItems()).isZero();
        assertThat(search.entry(search.result().hits().get(0)))
                .isEqualTo(new CatalogEntry("queued-2", "Go Concurrency Patterns", "{\"format\":\"print\"}"));
    }
}
