package dev.fnbundle.fuzzy.search;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.input.InputTooLongException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, thread-safe search index over a catalog, meant to be built once per catalog version and kept in the
 * warm function.
 *
 * <p>{@link #search} gives exactly what {@link #scan} gives (same items, same scores to the last bit, same order,
 * ties in catalog order) while scoring few items: for the seed ranker through admissible score bounds over a
 * character-count index ({@link SeedCandidateSearch}), for the default ranker by scoring only items holding a word
 * similar to a query word, best possible score first ({@link DefaultCandidateSearch}).
 *
 * <p>{@link IndexSnapshot} stores an index in binary, and loads it back equal in every search.
 *
 * <p>Memory: the vocabulary with each item's word ids, plus the given ids and texts; once the seed ranker is used,
 * the lower-cased texts as bytes (chars beyond 256 distinct characters, ints beyond 65 536), character-count
 * postings (int lists, or bitsets of 1 bit per item for frequent ones) and 32 cumulative length-class bitsets. About
 * 25 MB besides the strings for 100 000 product titles, most of it the vocabulary (model numbers make many distinct
 * words).
 */
public final class CatalogIndex {

    /** Largest accepted catalog. */
    public static final int MAX_ITEMS = 1_000_000;
    /** Longest accepted item id, in chars. */
    public static final int MAX_ID_LENGTH = 256;
    /** Longest accepted item text, in code points. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    private final String[] ids;
    private final String[] texts;
    /**
     * The seed ranker's structures (the lower-cased texts as dense ids, character counts, length classes), built by
     * its first search: a catalog searched only with the default ranker (the one a search gets unless it names
     * another) never pays for them, which shortens a cold container's first search.
     */
    private volatile SeedStructures seed;
    private final WordIndex words;

    CatalogIndex(String[] ids, String[] texts, WordIndex words) {
        this.ids = ids;
        this.texts = texts;
        this.words = words;
    }

    /**
     * Validates and indexes a catalog. O(total text length) plus the vocabulary's Metaphone codes.
     *
     * @param items the catalog in its order, which breaks ties; not null
     * @return the index
     * @throws InvalidFieldsException when the list is too large or an item, id or text is missing or blank
     *                                   (fields like {@code items[4].id})
     * @throws InputTooLongException     when an id or text exceeds its limit
     * @throws DuplicateItemIdException  when two items share an id
     */
    public static CatalogIndex build(List<CatalogItem> items) {
        if (items == null) {
            throw new InvalidFieldsException("items", "is required");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidFieldsException("items", "holds more than " + MAX_ITEMS + " items");
        }
        String[] ids = new String[items.size()];
        String[] texts = new String[items.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            CatalogItem item = validated(items.get(i), i);
            Integer first = seen.putIfAbsent(item.id(), i);
            if (first != null) {
                throw new DuplicateItemIdException(item.id(), first, i);
            }
            ids[i] = item.id();
            texts[i] = item.text();
        }
        return new CatalogIndex(ids, texts, new WordIndex(List.of(texts)));
    }

    private static CatalogItem validated(CatalogItem item, int i) {
        String field = "items[" + i + "]";
        if (item == null) {
            throw new InvalidFieldsException(field, "is required");
        }
        if (item.id() == null || item.id().isBlank()) {
            throw new InvalidFieldsException(field + ".id", "must not be blank");
        }
        if (item.id().length() > MAX_ID_LENGTH) {
            throw new InputTooLongException(field + ".id", item.id().length(), MAX_ID_LENGTH);
        }
        if (item.text() == null) {
            throw new InvalidFieldsException(field + ".text", "is required");
        }
        int length = item.text().codePointCount(0, item.text().length());
        if (length > MAX_TEXT_LENGTH) {
            throw new InputTooLongException(field + ".text", length, MAX_TEXT_LENGTH);
        }
        return item;
    }

    /** @return the word index (for {@link IndexSnapshot}) */
    WordIndex words() {
        return words;
    }

    /** @return the number of items */
    public int size() {
        return ids.length;
    }

    /**
     * Ranked search through the index; equal to {@link #scan} for every query.
     *
     * @param query a validated query, not null
     * @return hits best first, with a correction when none passes the threshold; never null
     */
    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.ranker() == Ranker.SEED) {
            SeedStructures structures = seedStructures();
            ItemStore store = structures.store();
            int[] encoded = store.alphabet().encodeQuery(SeedRanker.lowered(query.text()));
            SeedCandidateSearch search = new SeedCandidateSearch(store, structures.counts(), structures.lengths(),
                    encoded, query.limit(), query.threshold());
            return result(query, search.run(), search.scoredItems());
        }
        DefaultCandidateSearch search = new DefaultCandidateSearch(words, ids.length,
                DefaultRanker.forms(query.text()), query.limit(), query.threshold());
        return result(query, search.run(), search.scoredItems());
    }

    /**
     * The reference: scores every item with the query's ranker. O(catalog size).
     *
     * @param query a validated query, not null
     * @return the same as {@link #search}, with {@code scoredItems} equal to the catalog size
     */
    public SearchResult scan(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        TopHits top = new TopHits(query.limit(), query.threshold());
        if (query.ranker() == Ranker.SEED) {
            ItemStore store = seedStructures().store();
            SeedScorer scorer = new SeedScorer(store,
                    store.alphabet().encodeQuery(SeedRanker.lowered(query.text())));
            for (int position = 0; position < store.size(); position++) {
                top.offer(scorer.score(position), position);
            }
        } else {
            List<WordForm> queryWords = DefaultRanker.forms(query.text());
            for (int position = 0; position < texts.length; position++) {
                top.offer(DefaultRanker.score(queryWords, DefaultRanker.forms(texts[position])), position);
            }
        }
        return result(query, top, texts.length);
    }

    /**
     * Pairs of items whose texts reach a jaccard normalized similarity (textdistance's default: character multisets)
     * — the seed's dedupe example. Prefix and length filtering avoid comparing every pair; the result equals the
     * all-pairs comparison.
     *
     * @param query threshold, limit and case handling, not null
     * @return the pairs, best first; never null
     */
    public DuplicateReport duplicates(DuplicateQuery query) {
        Objects.requireNonNull(query, "query");
        int[][] codePoints = new int[texts.length][];
        for (int position = 0; position < codePoints.length; position++) {
            codePoints[position] = query.ignoreCase() ? SeedRanker.lowered(texts[position])
                    : texts[position].codePoints().toArray();
        }
        List<JaccardSelfJoin.Pair> pairs = JaccardSelfJoin.pairs(codePoints, query.threshold());
        List<DuplicatePair> kept = new ArrayList<>();
        for (JaccardSelfJoin.Pair pair : pairs.subList(0, Math.min(query.limit(), pairs.size()))) {
            kept.add(new DuplicatePair(ids[pair.first()], ids[pair.second()], pair.score(), pair.first(),
                    pair.second()));
        }
        return new DuplicateReport(kept, pairs.size(), pairs.size() > query.limit());
    }

    private record SeedStructures(ItemStore store, CharCountIndex counts, LengthClasses lengths) {
    }

    private SeedStructures seedStructures() {
        SeedStructures built = seed;
        if (built == null) {
            synchronized (this) {
                built = seed;
                if (built == null) {
                    int[][] lowered = new int[texts.length][];
                    for (int i = 0; i < texts.length; i++) {
                        lowered[i] = SeedRanker.lowered(texts[i]);
                    }
                    ItemStore store = new ItemStore(ids, texts, lowered);
                    built = new SeedStructures(store, new CharCountIndex(store), new LengthClasses(store));
                    seed = built;
                }
            }
        }
        return built;
    }

    private SearchResult result(SearchQuery query, TopHits top, int scored) {
        List<SearchHit> hits = new ArrayList<>();
        for (int rank = 0; rank < top.size(); rank++) {
            int position = top.position(rank);
            hits.add(new SearchHit(ids[position], texts[position], top.score(rank), position));
        }
        Optional<String> didYouMean = Optional.empty();
        if (hits.isEmpty()) {
            List<WordForm> queryWords = DefaultRanker.forms(query.text());
            didYouMean = QueryCorrection.suggest(words, queryWords, words.similarities(queryWords));
        }
        return new SearchResult(hits, didYouMean, scored);
    }
}
