package dev.fnbundle.bench.fuzzy;

import dev.fnbundle.fuzzy.search.CatalogItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog and queries every fuzzy figure is measured on: seeded product titles and typo'd queries drawn from
 * them, the same in the JMH forks, the equivalence check, the Python reference and the cold-start child.
 *
 * @param catalog the items in catalog order
 * @param queries the queries, in the order they are sent
 */
record FuzzyWorkload(List<CatalogItem> catalog, List<String> queries) {
    static final long SEED = 20_250_101L;
    static final int QUERIES = 1_000;

    static FuzzyWorkload of(int items) {
        ProductCatalogGenerator generator = new ProductCatalogGenerator(SEED);
        List<CatalogItem> catalog = generator.catalog(items);
        List<String> queries = new ArrayList<>(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            queries.add(generator.query(catalog));
        }
        return new FuzzyWorkload(catalog, List.copyOf(queries));
    }

    double meanTitleLength() {
        return catalog.stream().mapToInt(item -> item.text().length()).average().orElse(0);
    }
}
