package dev.fnbundle.rss.feeds;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items     in list order, never null
 * @param nextToken the opaque token for the next page, or null on the last page
 * @param <T>       the item type
 */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
