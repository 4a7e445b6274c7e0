package dev.fnbundle.fuzzy.catalog;

import java.util.List;

/**
 * The catalog import queue, as the catalogs see it: somewhere to put entries that a consumer later applies with
 * {@link CatalogService#addItems}. The adapter decides how entries are split into messages.
 */
public interface ImportQueue {

    /**
     * Queues the entries of one import, in order.
     *
     * @return how many messages they were split into
     * @throws RuntimeException when a message cannot be sent (the messages sent before it stay queued; applying them
     *                          is harmless, and the client may send the whole import again)
     */
    int send(String catalog, String importId, List<CatalogEntry> entries);

    /** @return the queue's URL, which clients may also send import messages to */
    String url();
}
