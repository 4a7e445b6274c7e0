package dev.fnbundle.fuzzy;

import dev.fnbundle.fuzzy.api.ImportMessages;
import dev.fnbundle.fuzzy.catalog.CatalogImports;
import dev.fnbundle.fuzzy.catalog.UpsertResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one import message. A message that cannot be decoded, names no existing catalog or would overfill it
 * throws, so after the queue's {@code maxReceiveCount} it rests in the dead-letter queue; a redelivered message
 * writes nothing twice.
 */
final class ImportWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);

    private final CatalogImports imports;

    ImportWorker(CatalogImports imports) {
        this.imports = imports;
    }

    void handle(String body) {
        ImportMessages.Batch batch = ImportMessages.read(body);
        UpsertResult result = imports.apply(batch.catalog(), batch.entries());
        LOG.info("import applied catalog={} importId={} items={} added={} replaced={} unchanged={}",
                batch.catalog(), batch.importId(), batch.entries().size(), result.added(), result.replaced(),
                result.unchanged());
    }
}
