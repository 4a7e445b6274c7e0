package dev.fnbundle.fuzzy.catalog;

/**
 * What a batch of item writes did.
 *
 * @param added     items whose id was new to the catalog
 * @param replaced  items whose text or fields changed
 * @param unchanged items stored already exactly as given (a retried or redelivered batch): not written again and
 *                  not counted as a change, so they do not bump the version
 */
public record UpsertResult(int added, int replaced, int unchanged) {
}
