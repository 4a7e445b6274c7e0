package dev.fnbundle.fuzzy.search;

/**
 * One result of {@link SeedRanker#search}: the seed's {@code (item, combined)} tuple plus the item's position.
 *
 * @param position index of the item in the catalog list
 * @param text     the item as given
 * @param score    the combined score
 */
public record RankedText(int position, String text, double score) {
}
