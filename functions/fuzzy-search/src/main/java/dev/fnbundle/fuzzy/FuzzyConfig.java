package dev.fnbundle.fuzzy;

import dev.fnbundle.common.config.Env;

/**
 * The fuzzy-search function's settings, read once at init from the variables the template sets.
 *
 * @param table          FUZZY_TABLE: catalog headers and items
 * @param importQueueUrl FUZZY_IMPORT_QUEUE_URL: the catalog import queue (large imports)
 * @param cacheMaxItems  FUZZY_INDEX_CACHE_MAX_ITEMS (default 1 000 000): the most catalog items the warm container's
 *                       cached search indexes hold together
 */
public record FuzzyConfig(String table, String importQueueUrl, int cacheMaxItems) {
    public static FuzzyConfig from(Env env) {
        return new FuzzyConfig(env.required("FUZZY_TABLE"), env.required("FUZZY_IMPORT_QUEUE_URL"),
                env.integer("FUZZY_INDEX_CACHE_MAX_ITEMS", 1_000_000));
    }
}
