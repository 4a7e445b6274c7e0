package dev.fnbundle.orders.graph;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An unmodifiable list of node names backed by a slice of an id array: results of a million nodes copy nothing. */
final class NameList extends AbstractList<String> implements RandomAccess {
    private final String[] names;
    private final int[] ids;
    private final int from;
    private final int to;

    NameList(String[] names, int[] ids, int from, int to) {
        this.names = names;
        this.ids = ids;
        this.from = from;
        this.to = to;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException("index " + index + " of " + (to - from));
        }
        return names[ids[from + index]];
    }

    @Override
    public int size() {
        return to - from;
    }
}
