package dev.fnbundle.fuzzy;

import dev.fnbundle.fuzzy.api.ImportMessages;
import dev.fnbundle.fuzzy.catalog.CatalogImports;
import dev.fnbundle.fuzzy.catalog.UpsertResult;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one import message. A message that cannot be decoded, names no existing catalog or would overfill it
 * throws, so after the queue's {@code maxReceiveCount} it rests in the dead-letter queue; a redelivered message
 * writes nothing twice.
 *
 * <p>After a batch of messages, {@link #refreshSnapshots} writes each touched catalog's snapshot once (not once per
 * message: each write reads the whole catalog). Not thread-safe: one batch at a time, as Lambda runs it.
 */
final class ImportWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);

    private final CatalogImports imports;
    private final Set<String> touched = new LinkedHashSet<>();

    ImportWorker(CatalogImports imports) {
        this.imports = imports;
    }

    void handle(String body) {
        ImportMessages.Batch batch = ImportMessages.read(body);
        UpsertResult result = imports.apply(batch.catalog(), batch.entries());
        // A redelivery changes nothing but may follow a run that died before its snapshot: refreshed all the same.
        touched.add(batch.catalog());
        LOG.info("import applied catalog={} importId={} items={} added={} replaced={} unchanged={}",
                batch.catalog(), batch.importId(), batch.entries().size(), result.added(), result.replaced(),
                result.unchanged());
    }

    /**
     * Writes the snapshot of every catalog a message changed since the last call. A failure is logged and leaves
     * the snapshot stale (searches then read the items); the messages stay applied.
     */
    void refreshSnapshots() {
        for (String catalog : touched) {
            try {
                imports.refreshSnapshot(catalog);
            } catch (RuntimeException e) {
                LOG.warn("snapshot refresh failed catalog={}", catalog, e);
            }
        }
        touched.clear();
    }
}
