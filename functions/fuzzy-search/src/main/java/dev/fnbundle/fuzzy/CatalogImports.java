package dev.fnbundle.fuzzy;

import dev.fnbundle.fuzzy.catalog.CatalogEntry;
import dev.fnbundle.fuzzy.catalog.CatalogService;
import dev.fnbundle.fuzzy.catalog.UpsertResult;
import java.util.HashMap;
import java.util.List;

/**
 * Asynchronous imports: {@link #start} splits a large batch into import messages, {@link #apply} writes one message's
 * items (the queue consumer). Applying a message twice changes nothing the second time: items stored already with
 * the same content are skipped and do not bump the catalog's version.
 */
final class CatalogImports {
    private final CatalogService catalogs;
    private final ImportQueue queue;

    CatalogImports(CatalogService catalogs, ImportQueue queue) {
        this.catalogs = catalogs;
        this.queue = queue;
    }

    /** What an accepted import was split into. */
    record Receipt(String importId, String catalog, int items, int messages) {
    }

    /**
     * Queues the entries of an existing catalog.
     *
     * @throws dev.fnbundle.fuzzy.catalog.CatalogNotFoundException when there is no such catalog
     * @throws dev.fnbundle.fuzzy.DuplicateItemIdException when two entries share an id
     */
    Receipt start(String catalog, List<CatalogEntry> entries, String importId) {
        catalogs.header(catalog);
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            Integer first = seen.putIfAbsent(entries.get(i).id(), i);
            if (first != null) {
                throw new DuplicateItemIdException(entries.get(i).id(), first, i);
            }
        }
        List<String> bodies = ImportMessages.bodies(catalog, importId, entries);
        queue.send(bodies);
        return new Receipt(importId, catalog, entries.size(), bodies.size());
    }

    /** Writes one import message's items; see {@link ImportMessages} for the format. */
    UpsertResult apply(ImportMessages.Batch batch) {
        return catalogs.addItems(batch.catalog(), batch.entries());
    }
}
