package dev.fnbundle.configaudit.service;

import java.util.List;

/**
 * One page of a baseline's drift history, newest first.
 *
 * @param items     the entries of this page
 * @param nextToken the token for the next page, or null on the last one
 */
public record HistoryPage(List<AuditSummary> items, String nextToken) {
    public HistoryPage {
        items = List.copyOf(items);
    }
}
