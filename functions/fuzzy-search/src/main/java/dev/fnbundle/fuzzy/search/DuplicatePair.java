package dev.fnbundle.fuzzy.search;

/**
 * Two items whose texts are likely duplicates.
 *
 * @param firstId        id of the item earlier in the catalog
 * @param secondId       id of the later item
 * @param score          textdistance's jaccard normalized similarity of their texts
 * @param firstPosition  catalog position of the first item
 * @param secondPosition catalog position of the second item
 */
public record DuplicatePair(String firstId, String secondId, double score, int firstPosition, int secondPosition) {
}
