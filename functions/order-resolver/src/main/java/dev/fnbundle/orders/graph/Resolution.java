package dev.fnbundle.orders.graph;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A resolved graph: Python's {@code list(TopologicalSorter(graph).static_order())} and the successive
 * {@code get_ready()} batches when each batch is marked done in full.
 *
 * <p>The lists are unmodifiable views over int arrays, cheap to create and to serialize for large graphs.
 *
 * @param order     every node, dependencies before dependents; never null
 * @param batches   the order cut into graphlib's ready batches; their concatenation equals {@code order}
 * @param nodeCount the number of nodes, dependency-only nodes included
 */
public record Resolution(List<String> order, List<List<String>> batches, int nodeCount) {

    static Resolution of(String[] names, int[] order, int[] batchEnds, int batchCount) {
        List<List<String>> batches = new Batches(names, order, batchEnds, batchCount);
        return new Resolution(new NameList(names, order, 0, order.length), batches, names.length);
    }

    private static final class Batches extends AbstractList<List<String>> implements RandomAccess {
        private final String[] names;
        private final int[] order;
        private final int[] batchEnds;
        private final int count;

        Batches(String[] names, int[] order, int[] batchEnds, int count) {
            this.names = names;
            this.order = order;
            this.batchEnds = batchEnds;
            this.count = count;
        }

        @Override
        public List<String> get(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("batch " + index + " of " + count);
            }
            return new NameList(names, order, index == 0 ? 0 : batchEnds[index - 1], batchEnds[index]);
        }

        @Override
        public int size() {
            return count;
        }
    }
}
