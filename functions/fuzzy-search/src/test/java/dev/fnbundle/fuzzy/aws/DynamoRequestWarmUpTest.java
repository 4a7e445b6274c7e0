package dev.fnbundle.fuzzy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.fuzzy.catalog.SearchWarmUp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The init-time warm-up of the SDK's request path: both requests of a cold search, answered from memory. */
class DynamoRequestWarmUpTest {

    @Test
    void the_warm_up_sends_a_get_item_and_a_batch_get_item_and_reads_both_answers_back() {
        var http = new DynamoRequestWarmUp.CannedHttpClient();

        assertThat(DynamoRequestWarmUp.run(http)).isTrue();

        assertThat(http.requests).hasValue(2);
    }

    @Test
    void the_warm_up_answers_every_request_itself_so_it_needs_no_network() {
        // The endpoint is a closed port: a request that reached the network would fail the run.
        assertThat(DynamoRequestWarmUp.run()).isTrue();
    }

    @Test
    void the_endpoint_tables_load_without_a_client() {
        assertThat(DynamoRequestWarmUp.loadEndpointMetadata()).isTrue();
    }

    @Test
    void the_warm_up_thread_runs_the_steps_around_the_search_warm_up_in_order() throws InterruptedException {
        List<String> steps = new ArrayList<>();

        Thread thread = SearchWarmUp.start(() -> steps.add("first"), () -> steps.add("then"));
        thread.join();

        assertThat(steps).containsExactly("first", "then");
        assertThat(thread.isDaemon()).isTrue();
    }
}
