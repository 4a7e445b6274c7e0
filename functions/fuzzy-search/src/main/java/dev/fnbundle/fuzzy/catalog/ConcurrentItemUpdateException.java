package dev.fnbundle.fuzzy.catalog;

/**
 * The same items kept being changed by other writers while a batch was applied, beyond the retries a write makes.
 * Part of the batch may be applied (each applied chunk is complete and bumped the version); sending the batch again
 * is safe. Maps to 409; the importer lets the message be redelivered.
 */
public final class ConcurrentItemUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param catalog  the catalog name
     * @param attempts how many times the chunk was tried
     */
    public ConcurrentItemUpdateException(String catalog, int attempts) {
        super("items of catalog " + catalog + " changed concurrently " + attempts + " times in a row");
    }
}
