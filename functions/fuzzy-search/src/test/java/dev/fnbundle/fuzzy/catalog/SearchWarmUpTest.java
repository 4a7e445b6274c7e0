package dev.fnbundle.fuzzy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The init-time warm-up runs the first search's whole path over its own toy catalog, on a daemon thread. */
class SearchWarmUpTest {

    @Test
    void the_warm_up_runs_the_snapshot_decode_and_search_path_through() {
        assertThat(SearchWarmUp.run()).isTrue();
    }

    @Test
    void the_warm_up_thread_is_a_daemon_that_ends_by_itself() throws InterruptedException {
        Thread thread = SearchWarmUp.start();

        thread.join();

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.isAlive()).isFalse();
    }
}
