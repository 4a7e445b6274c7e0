package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.Ranker;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises the classes of a cold container's first search (snapshot decoding, the index, the default
 * ranker's search and its "did you mean") on a second core while init builds the AWS clients on the first, by
 * running that path once over a small catalog made here. No network, nothing kept: the toy catalog is dropped when
 * the thread ends, so the answers of real searches cannot depend on it.
 */
public final class SearchWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(SearchWarmUp.class);
    private static final List<CatalogEntry> CATALOG = List.of(
            new CatalogEntry("1", "Acme Wireless Keyboard KB-1200, Black", null),
            new CatalogEntry("2", "Globex Café Espresso Machine ES-30", "{\"c\":1}"),
            new CatalogEntry("3", "Initech Portable Speaker SP-7", null));

    private SearchWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static Thread start() {
        return start(() -> { }, () -> { });
    }

    /**
     * Starts a daemon thread that runs {@code first}, the warm-up, then {@code then} (other parts of a cold
     * container's path, e.g. the storage client's, that must not throw), and returns at once.
     */
    public static Thread start(Runnable first, Runnable then) {
        Thread thread = new Thread(() -> {
            first.run();
            run();
            then.run();
        }, "fuzzy-search-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The first search's path over the toy catalog; never throws (a failed warm-up costs only speed).
     *
     * @return whether the whole path ran
     */
    static boolean run() {
        try {
            SnapshotCodec.Decoded decoded = SnapshotCodec.decode(SnapshotCodec.encode(1, CATALOG));
            CatalogIndex index = new LoadedCatalog(decoded.version(), decoded.entries(), decoded.index().orElseThrow())
                    .index();
            index.search(new SearchQuery("wireles keybord", 3, 0.4, Ranker.DEFAULT));
            return index.search(new SearchQuery("zzqx", 3, 0.4, Ranker.DEFAULT)).hits().isEmpty();
        } catch (RuntimeException e) {
            LOG.warn("search warm-up failed", e);
            return false;
        }
    }
}
