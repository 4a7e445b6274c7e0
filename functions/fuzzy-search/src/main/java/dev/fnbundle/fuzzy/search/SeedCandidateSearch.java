package dev.fnbundle.fuzzy.search;

/**
 * The seed ranker's exact top-k over a {@link CharCountIndex}, scoring few items.
 *
 * <ol>
 *   <li>Bit-sliced counters receive the query's (character, occurrence) postings, so every item's multiset
 *       intersection {@code I} with the query is known without touching the item.</li>
 *   <li>Items are taken in bands of equal {@code I}, highest first. An opened band queues its items with their own
 *       bound ({@link SeedScoreBound}: their {@code I}, length and true common prefix) unless it is below the bar
 *       (the threshold, or the k-th score once k items qualify). Only the length classes whose best bound reaches
 *       the bar are looked at, separately for items that start like the query (prefix up to 4) and the others
 *       (prefix 0).</li>
 *   <li>Before a band is opened, every queued item whose bound reaches the best bound an unseen item could have
 *       (the band's {@code I}, the shortest length, the longest prefix) is scored exactly, best bound first.</li>
 *   <li>The search stops when no unseen band can reach the bar; queued items below it are never scored.</li>
 * </ol>
 * A skipped item's bound is below the bar when it is skipped, the bar only rises, and an item needs a score at least
 * the bar to enter, so the result equals a full scan, ties included. Which items are scored early only changes the
 * speed: a pilot opens the best bands of the items starting like the query first and a few queued items are scored
 * eagerly, so the bar rises before the large bands are opened. A threshold of 0 admits items sharing no character
 * with the query (score 0); they are appended in catalog order.
 */
final class SeedCandidateSearch {

    /** How many candidates starting like the query the pilot queues before scoring the best of them. */
    private static final int PILOT_CANDIDATES = 64;

    private final ItemStore store;
    private final CharCountIndex counts;
    private final LengthClasses lengths;
    private final SeedScorer scorer;
    private final TopHits top;
    private final BoundHeap heap = new BoundHeap();
    private final int queryLength;
    private final int longestPrefix;
    private final int words;
    private final int planes;
    private final long[] counter;
    private int eagerBudget;
    private int queued;
    private int scored;

    SeedCandidateSearch(ItemStore store, CharCountIndex counts, LengthClasses lengths, int[] encodedQuery, int limit,
                        double threshold) {
        this.store = store;
        this.counts = counts;
        this.lengths = lengths;
        this.scorer = new SeedScorer(store, encodedQuery);
        this.top = new TopHits(limit, threshold);
        this.queryLength = encodedQuery.length;
        int first = encodedQuery[0];
        this.longestPrefix = first >= 0 && counts.startingWith(first).length > 0 ? Math.min(4, queryLength) : 0;
        this.words = (store.size() + 63) >>> 6;
        this.planes = 32 - Integer.numberOfLeadingZeros(Math.max(1, queryLength));
        this.counter = new long[words * planes];
        this.eagerBudget = limit + 4;
    }

    TopHits run() {
        countIntersections();
        long[] sameFirst = sameFirstCharacter();
        int highest = Math.min(queryLength, store.maxLength());
        int piloted = pilot(highest, sameFirst);
        for (int band = highest; band >= 1; band--) {
            double unseen = SeedScoreBound.upperBound(queryLength, lengths.shortestAtLeast(band), band,
                    longestPrefix);
            drain(unseen);
            if (unseen < top.bar()) {
                break;
            }
            int others = lastClassReaching(band, 0);
            int starters = band >= piloted ? -1 : lastClassReaching(band, longestPrefix);
            queue(band, others < 0 ? null : lengths.upTo(others), starters < 0 ? null : lengths.upTo(starters),
                    sameFirst);
            fill();
        }
        drain(top.bar());
        if (!top.full() && top.bar() <= 0) {
            appendDisjointItems();
        }
        return top;
    }

    int scoredItems() {
        return scored;
    }

    /** Adds the query's (character, occurrence) tokens that some item holds. */
    private void countIntersections() {
        int[] query = scorer.query();
        int[] ids = new int[query.length];
        int[] occurrences = new int[query.length];
        int tokens = 0;
        boolean[] done = new boolean[query.length];
        for (int i = 0; i < query.length; i++) {
            int id = query[i];
            if (id < 0 || done[i]) {
                continue;
            }
            for (int k = i; k < query.length; k++) {
                done[k] |= query[k] == id;
            }
            int held = Math.min(scorer.queryCount(id), counts.maxOccurrences(id));
            for (int occurrence = 1; occurrence <= held; occurrence++) {
                ids[tokens] = id;
                occurrences[tokens++] = occurrence;
            }
        }
        counts.count(ids, occurrences, tokens, counter, planes);
    }

    private long[] sameFirstCharacter() {
        long[] mask = new long[words];
        if (longestPrefix > 0) {
            for (int position : counts.startingWith(scorer.query()[0])) {
                mask[position >>> 6] |= 1L << position;
            }
        }
        return mask;
    }

    /**
     * Opens the highest bands of the items starting like the query until {@link #PILOT_CANDIDATES} are queued, and
     * scores the best of them.
     *
     * @return the lowest band opened this way; the main pass skips those items in bands at or above it
     */
    private int pilot(int highest, long[] sameFirst) {
        if (longestPrefix == 0) {
            return Integer.MAX_VALUE;
        }
        int band = highest;
        while (band >= 1 && queued < PILOT_CANDIDATES) {
            int starters = lastClassReaching(band, longestPrefix);
            if (starters >= 0) {
                queue(band, null, lengths.upTo(starters), sameFirst);
            }
            band--;
        }
        fill();
        return band + 1;
    }

    /** Scores queued items, best bound first, while their bound reaches both the bar and {@code unseenBound}. */
    private void drain(double unseenBound) {
        while (!heap.isEmpty() && heap.topBound() >= Math.max(unseenBound, top.bar())) {
            score(heap.pop());
        }
    }

    /**
     * Scores the best queued items until k qualify, and a few more ({@code limit + 4} per search), so that the bar
     * approaches the k-th score before the next, larger bands are opened.
     */
    private void fill() {
        while (!heap.isEmpty() && heap.topBound() >= top.bar() && (!top.full() || eagerBudget > 0)) {
            if (top.full()) {
                eagerBudget--;
            }
            score(heap.pop());
        }
    }

    private void score(int position) {
        scored++;
        top.offer(scorer.score(position), position);
    }

    /**
     * Queues the items whose intersection is exactly {@code band} and whose own bound reaches the bar: those in
     * {@code others} that do not start like the query and those in {@code starters} that do (either may be null).
     */
    private void queue(int band, long[] others, long[] starters, long[] sameFirst) {
        for (int w = 0; w < words; w++) {
            long members = (others == null ? 0 : others[w] & ~sameFirst[w])
                    | (starters == null ? 0 : starters[w] & sameFirst[w]);
            int base = w * planes;
            for (int p = planes - 1; p >= 0 && members != 0; p--) {
                long bits = counter[base + p];
                members &= ((band >>> p) & 1) != 0 ? bits : ~bits;
            }
            while (members != 0) {
                int position = (w << 6) + Long.numberOfTrailingZeros(members);
                members &= members - 1;
                double bound = SeedScoreBound.upperBound(queryLength, store.length(position), band,
                        scorer.commonPrefix(position));
                if (bound >= top.bar()) {
                    heap.push(bound, position);
                    queued++;
                }
            }
        }
    }

    /** @return the last length class whose items in this band can reach the bar with this prefix, or -1 */
    private int lastClassReaching(int band, int prefix) {
        int last = -1;
        for (int c = 0; c < lengths.count(); c++) {
            int shortest = Math.max(band, lengths.minLength(c));
            if (SeedScoreBound.upperBound(queryLength, shortest, band, prefix) < top.bar()) {
                break;
            }
            last = c;
        }
        return last;
    }

    /** With a threshold of 0, items sharing no character with the query (score exactly 0) fill up in order. */
    private void appendDisjointItems() {
        for (int position = 0; position < store.size() && !top.full(); position++) {
            int base = (position >>> 6) * planes;
            long any = 0;
            for (int p = 0; p < planes; p++) {
                any |= counter[base + p];
            }
            if ((any & (1L << position)) == 0) {
                score(position);
            }
        }
    }
}
