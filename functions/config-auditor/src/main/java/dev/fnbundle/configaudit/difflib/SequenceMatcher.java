package dev.fnbundle.configaudit.difflib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Python 3.11's {@code difflib.SequenceMatcher}, result for result: the same b2j index, junk and popular
 * elements, autojunk heuristic, longest-match tie-breaking, matching blocks, opcodes, groups and ratios.
 *
 * <p>Elements are compared with {@code equals}; strings therefore compare as Python compares {@code str}.
 * Use {@link #ofCodePoints} to compare strings character by character the way Python iterates a {@code str}
 * (by code point, not by UTF-16 unit).
 *
 * <p>Cost: building is O(len(a) + len(b)) expected. {@link #matchingBlocks()} visits each index match
 * (a[i] == b[j], b[j] neither junk nor popular) O(log len(a)) times, so it stays near-linear where Python's
 * rescans go quadratic (see {@code MatchingBlockFinder}); inputs whose lines repeat just under the popularity
 * threshold have many matches and cost more, in both. Results are computed once and cached. Not thread-safe.
 *
 * @param <T> element type
 */
public final class SequenceMatcher<T> {
    private final int[] a;
    private final int[] b;
    private final InternedSequences<T> seqs;
    private final SecondSequenceIndex index;
    private List<Match> matchingBlocks;
    private List<Opcode> opcodes;
    private long maxWork = Long.MAX_VALUE;

    private SequenceMatcher(InternedSequences<T> seqs, Predicate<? super T> isJunk, boolean autojunk) {
        this.a = seqs.a();
        this.b = seqs.b();
        this.seqs = seqs;
        IntPredicate junkId = isJunk == null ? null : id -> isJunk.test(seqs.element(id));
        this.index = new SecondSequenceIndex(b, seqs.absent(), junkId, autojunk);
    }

    /** {@code SequenceMatcher(None, a, b)}: no junk, autojunk on. Lists must be non-null; copied by value. */
    public static <T> SequenceMatcher<T> of(List<? extends T> a, List<? extends T> b) {
        return of(a, b, null, true);
    }

    /** {@code SequenceMatcher(None, a, b, autojunk=autojunk)}. */
    public static <T> SequenceMatcher<T> of(List<? extends T> a, List<? extends T> b, boolean autojunk) {
        return of(a, b, null, autojunk);
    }

    /**
     * {@code SequenceMatcher(isjunk, a, b, autojunk)}.
     *
     * @param isJunk null for Python's {@code None}; otherwise called once per distinct element of b
     * @throws NullPointerException if a or b is null
     */
    public static <T> SequenceMatcher<T> of(List<? extends T> a, List<? extends T> b,
                                            Predicate<? super T> isJunk, boolean autojunk) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new SequenceMatcher<>(InternedSequences.of(a, b), isJunk, autojunk);
    }

    /** Compares two strings by Unicode code point, as Python does for {@code SequenceMatcher(None, a, b)}. */
    public static SequenceMatcher<Integer> ofCodePoints(String a, String b) {
        return ofCodePoints(a, b, null, true);
    }

    /** Code-point comparison with a junk predicate on code points (null for none) and the autojunk switch. */
    public static SequenceMatcher<Integer> ofCodePoints(String a, String b, IntPredicate isJunk, boolean autojunk) {
        Predicate<Integer> junk = isJunk == null ? null : isJunk::test;
        return of(codePoints(a), codePoints(b), junk, autojunk);
    }

    private static List<Integer> codePoints(String s) {
        return Objects.requireNonNull(s, "string").codePoints().boxed().toList();
    }

    /**
     * Bounds the work of {@link #matchingBlocks()} (and so of everything derived from it): index pairs scanned
     * plus runs re-clipped, each roughly a few nanoseconds and a few bytes of the run pool. Python has no such
     * bound; without one (the default) the work is unlimited. Call before the first result is computed.
     *
     * @return this matcher
     * @throws IllegalArgumentException if maxWork is negative
     */
    public SequenceMatcher<T> limitWork(long maxWork) {
        if (maxWork < 0) {
            throw new IllegalArgumentException("maxWork must be >= 0, was " + maxWork);
        }
        this.maxWork = maxWork;
        return this;
    }

    /** Python's {@code find_longest_match(alo, ahi, blo, bhi)}; bounds must satisfy 0 <= lo <= hi <= len. */
    public Match findLongestMatch(int alo, int ahi, int blo, int bhi) {
        if (alo < 0 || alo > ahi || ahi > a.length || blo < 0 || blo > bhi || bhi > b.length) {
            throw new IndexOutOfBoundsException("range outside the sequences");
        }
        return new LongestMatchFinder(a, b, index).find(alo, ahi, blo, bhi);
    }

    /**
     * Python's {@code get_matching_blocks()}: non-adjacent blocks ending with the {@code (la, lb, 0)} sentinel.
     *
     * @throws MatchWorkExceededException when the work passes the {@link #limitWork} bound
     */
    public List<Match> matchingBlocks() {
        if (matchingBlocks == null) {
            matchingBlocks = List.copyOf(mergeAdjacent(findBlocks()));
        }
        return matchingBlocks;
    }

    private List<Match> findBlocks() {
        List<Match> found = new MatchingBlockFinder(a, b, index, maxWork).blocks();
        found.sort(Comparator.comparingInt(Match::a).thenComparingInt(Match::b).thenComparingInt(Match::size));
        return found;
    }

    private List<Match> mergeAdjacent(List<Match> sorted) {
        List<Match> nonAdjacent = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        for (Match m : sorted) {
            if (i1 + k1 == m.a() && j1 + k1 == m.b()) {
                k1 += m.size();
            } else {
                if (k1 > 0) {
                    nonAdjacent.add(new Match(i1, j1, k1));
                }
                i1 = m.a();
                j1 = m.b();
                k1 = m.size();
            }
        }
        if (k1 > 0) {
            nonAdjacent.add(new Match(i1, j1, k1));
        }
        nonAdjacent.add(new Match(a.length, b.length, 0));
        return nonAdjacent;
    }

    /** Python's {@code get_opcodes()}; unmodifiable, never null. */
    public List<Opcode> opcodes() {
        if (opcodes == null) {
            opcodes = List.copyOf(OpcodeGrouper.opcodes(matchingBlocks()));
        }
        return opcodes;
    }

    /**
     * Python's {@code list(get_grouped_opcodes(n))}. Unlike CPython this does not modify the cached
     * {@link #opcodes()} list (CPython trims its cached first and last equal opcode in place).
     *
     * @throws IllegalArgumentException if n is negative
     */
    public List<List<Opcode>> groupedOpcodes(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("context must be >= 0, was " + n);
        }
        return OpcodeGrouper.grouped(opcodes(), n);
    }

    /** Python's {@code ratio()}: {@code 2.0 * M / T}, or 1.0 when both sequences are empty. */
    public double ratio() {
        long matches = 0;
        for (Match m : matchingBlocks()) {
            matches += m.size();
        }
        return calculateRatio(matches, (long) a.length + b.length);
    }

    /** Python's {@code quick_ratio()}: an upper bound on {@link #ratio()} from element counts; O(len(a)). */
    public double quickRatio() {
        int[] avail = index.fullCount.clone();
        long matches = 0;
        for (int id : a) {
            if (avail[id]-- > 0) {
                matches++;
            }
        }
        return calculateRatio(matches, (long) a.length + b.length);
    }

    /** Python's {@code real_quick_ratio()}: an upper bound from the lengths alone; O(1). */
    public double realQuickRatio() {
        return calculateRatio(Math.min(a.length, b.length), (long) a.length + b.length);
    }

    /** Python's {@code bjunk}: the elements of b the junk predicate rejected, in order of first use. */
    public Set<T> junkElements() {
        return elementsWhere(index.junk);
    }

    /** Python's {@code bpopular}: the elements autojunk dropped from the index, in order of first use. */
    public Set<T> popularElements() {
        return elementsWhere(index.popular);
    }

    private Set<T> elementsWhere(boolean[] flags) {
        Set<T> out = new LinkedHashSet<>();
        for (int id = 0; id < seqs.absent(); id++) {
            if (flags[id]) {
                out.add(seqs.element(id));
            }
        }
        return out;
    }

    /** Python's {@code _calculate_ratio}: the same double operations, hence the same bits. */
    static double calculateRatio(long matches, long length) {
        if (length > 0) {
            return 2.0 * matches / length;
        }
        return 1.0;
    }
}
