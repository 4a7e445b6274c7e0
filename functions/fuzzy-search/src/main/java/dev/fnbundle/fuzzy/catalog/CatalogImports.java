package dev.fnbundle.fuzzy.catalog;

import dev.fnbundle.fuzzy.search.DuplicateItemIdException;
import java.util.HashMap;
import java.util.List;

/**
 * Asynchronous imports: {@link #start} queues a large batch as import messages, {@link #apply} writes one message's
 * items (the queue consumer). Applying a message twice changes nothing the second time: items stored already with
 * the same content are skipped and do not bump the catalog's version.
 */
public final class CatalogImports {
    private final CatalogService catalogs;
    private final ImportQueue queue;

    public CatalogImports(CatalogService catalogs, ImportQueue queue) {
        this.catalogs = catalogs;
        this.queue = queue;
    }

    /** What an accepted import was split into (the JSON of {@code 202} to {@code POST /catalogs/{name}/imports}). */
    public record Receipt(String importId, String catalog, int items, int messages) {
    }

    /**
     * Queues the entries of an existing catalog.
     *
     * @throws CatalogNotFoundException when there is no such catalog
     * @throws DuplicateItemIdException when two entries share an id
     */
    public Receipt start(String catalog, List<CatalogEntry> entries, String importId) {
        catalogs.header(catalog);
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            Integer first = seen.putIfAbsent(entries.get(i).id(), i);
            if (first != null) {
                throw new DuplicateItemIdException(entries.get(i).id(), first, i);
            }
        }
        int messages = queue.send(catalog, importId, entries);
        return new Receipt(importId, catalog, entries.size(), messages);
    }

    /** Writes one import message's items into its catalog. */
    public UpsertResult apply(String catalog, List<CatalogEntry> entries) {
        return catalogs.addItems(catalog, entries);
    }

    /**
     * Writes the catalog's snapshot at its current version unless it is current already; the importer calls it once
     * per catalog after a batch of messages, so the next cold container loads the catalog in one pass.
     *
     * @return true when a snapshot was written
     */
    public boolean refreshSnapshot(String catalog) {
        return catalogs.refreshSnapshot(catalog);
    }
}
