package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.search.DuplicateItemIdException;
import dev.fnbundle.fuzzy.search.CatalogIndex;
import dev.fnbundle.fuzzy.search.CatalogItem;
import dev.fnbundle.fuzzy.search.DuplicateQuery;
import dev.fnbundle.fuzzy.search.DuplicateReport;
import dev.fnbundle.fuzzy.search.SearchQuery;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogs: creation and settings, item writes, and searches over an index cached per catalog version.
 *
 * <p>Consistency: every item write bumps the catalog's version atomically with the write, and every search reads the
 * header consistently before it picks an index; a cached index answers only for the version it was loaded at, and a
 * new one is loaded with consistent reads. So a search that starts after a write returned sees that write.
 *
 * <p>A container without the index loads the catalog's snapshot ({@link SnapshotCodec}: the items and their built
 * index, or only the items in an old snapshot, whose index it then builds) when one was written at the header's
 * version, and otherwise (none, stale, or failing its checks: logged, counted in {@link #loads()}) reads
 * every item record, so a snapshot can make a search faster but never different or failed.
 */
public final class CatalogService {

    /** The most items one synchronous write takes; the importer takes more. */
    public static final int MAX_BATCH_ITEMS = 1_000;
    /** The most items a catalog holds. */
    public static final long MAX_CATALOG_ITEMS = CatalogIndex.MAX_ITEMS;

    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);
    /** Linear: one character class, at most 64 times. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}+");

    private final CatalogRepository repository;
    private final SnapshotStore snapshots;
    private final IndexCache cache;
    private final Clock clock;
    private final CatalogLoads loads = new CatalogLoads();

    public CatalogService(CatalogRepository repository, SnapshotStore snapshots, IndexCache cache, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.snapshots = Objects.requireNonNull(snapshots);
        this.cache = Objects.requireNonNull(cache);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What a PUT did: created the catalog, or replaced the settings of an existing one. */
    public record PutOutcome(boolean created, CatalogHeader header) {
    }

    /**
     * Creates the catalog, or replaces its settings when it exists.
     *
     * @throws InvalidFieldsException for an invalid name (field "name")
     */
    public PutOutcome put(String name, CatalogSettings settings) {
        validName(name);
        var now = clock.instant();
        var created = repository.create(name, settings, now);
        if (created.isPresent()) {
            return new PutOutcome(true, created.get());
        }
        return new PutOutcome(false, repository.updateSettings(name, settings, now)
                .orElseThrow(() -> new CatalogNotFoundException(name)));
    }

    /** @throws CatalogNotFoundException when there is no such catalog */
    public CatalogHeader header(String name) {
        validName(name);
        return repository.header(name).orElseThrow(() -> new CatalogNotFoundException(name));
    }

    /**
     * Adds or replaces up to {@link #MAX_BATCH_ITEMS} items.
     *
     * @param entries validated entries (see the item limits of {@link CatalogIndex})
     * @throws BatchTooLargeException   over {@link #MAX_BATCH_ITEMS} entries
     * @throws DuplicateItemIdException when two entries share an id
     * @throws CatalogNotFoundException when there is no such catalog
     * @throws CatalogFullException     when the catalog would exceed {@link #MAX_CATALOG_ITEMS}
     */
    public UpsertResult addItems(String name, List<CatalogEntry> entries) {
        validName(name);
        if (entries.size() > MAX_BATCH_ITEMS) {
            throw new BatchTooLargeException(entries.size(), MAX_BATCH_ITEMS);
        }
        requireDistinctIds(entries);
        return repository.upsert(name, entries, MAX_CATALOG_ITEMS, clock.instant());
    }

    /**
     * Deletes one item.
     *
     * @throws CatalogNotFoundException or {@link ItemNotFoundException}
     */
    public void deleteItem(String name, String id) {
        validName(name);
        if (id == null || id.isBlank() || id.length() > CatalogIndex.MAX_ID_LENGTH) {
            throw new InvalidFieldsException("id", "must be 1 to " + CatalogIndex.MAX_ID_LENGTH
                    + " characters, not blank");
        }
        repository.delete(name, id, clock.instant());
    }

    /**
     * Ranks the catalog's items for a query; parameters the request leaves out take the catalog's settings.
     *
     * @throws CatalogNotFoundException when there is no such catalog
     * @throws dev.fnbundle.fuzzy.input.FuzzyException for an invalid query (see {@link SearchQuery#of})
     */
    public CatalogSearch search(String name, SearchRequest request) {
        CatalogHeader header = header(name);
        CatalogSettings settings = header.settings();
        SearchQuery query = SearchQuery.of(request.text(),
                request.limit() != null ? request.limit() : settings.limit(),
                request.threshold() != null ? request.threshold() : settings.threshold(),
                request.ranker() != null ? request.ranker() : settings.ranker().apiName());
        LoadedCatalog catalog = load(header);
        return new CatalogSearch(header, query, catalog.index().search(query), catalog);
    }

    /** Likely duplicate pairs and the catalog they point into. */
    public record Duplicates(CatalogHeader header, DuplicateReport report, LoadedCatalog catalog) {
    }

    /**
     * Pairs of items whose texts reach the query's jaccard threshold.
     *
     * @throws CatalogNotFoundException when there is no such catalog
     */
    public Duplicates duplicates(String name, DuplicateQuery query) {
        CatalogHeader header = header(name);
        LoadedCatalog catalog = load(header);
        return new Duplicates(header, catalog.index().duplicates(query), catalog);
    }

    /**
     * Writes the catalog's snapshot at its current version, unless the stored one is at that version already. Reads
     * the items and builds their index (or takes both from a cached index of that version).
     *
     * @return true when a snapshot was written
     * @throws CatalogNotFoundException when there is no such catalog
     */
    public boolean refreshSnapshot(String name) {
        CatalogHeader header = header(name);
        if (snapshots.version(name).filter(v -> v == header.version()).isPresent()) {
            return false;
        }
        long started = System.nanoTime();
        // Items read after the header may hold later writes; those also bump the version, so the snapshot labelled
        // with this header's version is used only while no later write committed, when the two are the same.
        Optional<LoadedCatalog> cached = cache.get(name, header.version());
        List<CatalogEntry> entries = cached.map(LoadedCatalog::entries).orElseGet(() -> repository.items(name));
        // The snapshot holds the built index too, so that a cold container decodes it instead of building it.
        byte[] snapshot = cached.isPresent() ? SnapshotCodec.encode(header.version(), entries, cached.get().index())
                : SnapshotCodec.encode(header.version(), entries);
        snapshots.write(name, header.version(), snapshot);
        LOG.info("snapshot written catalog={} version={} items={} bytes={} durationMs={}", name, header.version(),
                entries.size(), snapshot.length, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** @return where this service's indexes came from, for metrics and tests */
    public CatalogLoads loads() {
        return loads;
    }

    /** The catalog's index at the header's version: from the cache, or loaded, built and cached. */
    LoadedCatalog load(CatalogHeader header) {
        return cache.get(header.name(), header.version()).orElseGet(() -> {
            long started = System.nanoTime();
            Optional<LoadedCatalog> snapshot = fromSnapshot(header);
            LoadedCatalog loaded = snapshot.orElseGet(() -> indexed(header, repository.items(header.name())));
            if (snapshot.isPresent()) {
                loads.snapshot();
            } else {
                loads.items();
            }
            cache.put(header.name(), loaded);
            LOG.info("index built catalog={} version={} items={} source={} durationMs={}", header.name(),
                    header.version(), loaded.size(), snapshot.isPresent() ? "snapshot" : "items",
                    (System.nanoTime() - started) / 1_000_000);
            return loaded;
        });
    }

    /** The catalog from its snapshot at exactly the header's version; empty (never an exception) otherwise. */
    private Optional<LoadedCatalog> fromSnapshot(CatalogHeader header) {
        try {
            Optional<byte[]> bytes = snapshots.read(header.name(), header.version());
            if (bytes.isEmpty()) {
                if (header.itemCount() > 0) {
                    LOG.warn("no snapshot at this version, reading the items instead catalog={} version={}",
                            header.name(), header.version());
                }
                return Optional.empty();
            }
            SnapshotCodec.Decoded decoded = SnapshotCodec.decode(bytes.get());
            if (decoded.version() != header.version() || decoded.entries().size() != header.itemCount()) {
                throw new SnapshotCorruptException("snapshot holds version " + decoded.version() + " with "
                        + decoded.entries().size() + " items, the header " + header.version() + " with "
                        + header.itemCount());
            }
            if (decoded.index().isEmpty()) {
                LOG.warn("snapshot without a usable index, building it from the snapshot's items catalog={}"
                        + " version={} reason={}", header.name(), header.version(), decoded.noIndexReason());
                return Optional.of(indexed(header, decoded.entries()));
            }
            return Optional.of(new LoadedCatalog(header.version(), decoded.entries(), decoded.index().get()));
        } catch (RuntimeException e) {
            // Whatever went wrong with the snapshot (storage, checks, an index that refuses its items), the item
            // records are the truth: answer from them.
            loads.rejected();
            LOG.warn("snapshot rejected, reading the items instead catalog={} version={}", header.name(),
                    header.version(), e);
            return Optional.empty();
        }
    }

    private static LoadedCatalog indexed(CatalogHeader header, List<CatalogEntry> entries) {
        var index = CatalogIndex.build(entries.stream().map(e -> new CatalogItem(e.id(), e.text())).toList());
        return new LoadedCatalog(header.version(), entries, index);
    }

    /**
     * @throws InvalidFieldsException (field "name") unless the name is 1 to 64 characters of a-z, 0-9 and '-'
     */
    public static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldsException("name", "must be 1 to 64 characters from a-z, 0-9 and '-'");
        }
        return name;
    }

    private static void requireDistinctIds(List<CatalogEntry> entries) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Integer first = seen.putIfAbsent(entries.get(i).id(), i);
            if (first != null) {
                throw new DuplicateItemIdException(entries.get(i).id(), first, i);
            }
        }
    }
}
