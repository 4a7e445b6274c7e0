package dev.fnbundle.fuzzy.search;

/**
 * One ranked result.
 *
 * @param id       the item's id
 * @param text     the item's text as stored
 * @param score    the ranker's score, in [0, 1]
 * @param position the item's position in the catalog (ties are broken by it)
 */
public record SearchHit(String id, String text, double score, int position) {
}
