package dev.fnbundle.fuzzy.catalog;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search indexes a warm container keeps: at most one per catalog, least recently used evicted first, bounded by
 * the total number of items they hold (an index costs roughly 250 bytes per item besides the texts).
 *
 * <p>An entry answers only for the exact version it was loaded at, so a search that has read a newer header
 * rebuilds. Thread-safe (Lambda runs one request at a time per container, so contention never happens).
 */
public final class IndexCache {

    private final long maxItems;
    private final LinkedHashMap<String, LoadedCatalog> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedItems;

    /** @param maxItems the most items the cached indexes may hold together; a larger catalog is never cached */
    public IndexCache(long maxItems) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must not be negative");
        }
        this.maxItems = maxItems;
    }

    /**
     * @return the index of {@code catalog} at exactly {@code version}, marked as most recently used; empty when the
     *         cache holds none or an older one
     */
    public synchronized Optional<LoadedCatalog> get(String catalog, long version) {
        LoadedCatalog loaded = entries.get(catalog);
        return loaded != null && loaded.version() == version ? Optional.of(loaded) : Optional.empty();
    }

    /**
     * Keeps {@code loaded} as the catalog's index, replacing an older one, then evicts least recently used indexes
     * until the total fits. An index larger than the whole budget is not kept.
     */
    public synchronized void put(String catalog, LoadedCatalog loaded) {
        LoadedCatalog previous = entries.remove(catalog);
        if (previous != null) {
            cachedItems -= previous.size();
        }
        if (loaded.size() > maxItems) {
            return;
        }
        entries.put(catalog, loaded);
        cachedItems += loaded.size();
        Iterator<Map.Entry<String, LoadedCatalog>> eldest = entries.entrySet().iterator();
        while (cachedItems > maxItems && eldest.hasNext()) {
            Map.Entry<String, LoadedCatalog> entry = eldest.next();
            if (!entry.getKey().equals(catalog)) {
                cachedItems -= entry.getValue().size();
                eldest.remove();
            }
        }
    }

    /** @return how many items the cached indexes hold together */
    public synchronized long cachedItems() {
        return cachedItems;
    }

    /** @return the names of the cached catalogs, least recently used first */
    public synchronized List<String> catalogs() {
        return List.copyOf(entries.keySet());
    }
}
