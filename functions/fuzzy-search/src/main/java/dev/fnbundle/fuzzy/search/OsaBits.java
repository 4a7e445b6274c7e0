package dev.fnbundle.fuzzy.search;

/**
 * textdistance's restricted Damerau-Levenshtein (optimal string alignment) distance of a pattern of at most 64
 * symbols to many words, bit-parallel: Hyyrö's 2003 extension of Myers' algorithm to adjacent transpositions, one
 * step of a dozen word operations per character of the word instead of a row of the matrix. Symbols are dense
 * {@link Alphabet} ids; a pattern symbol missing from the alphabet (negative) equals nothing.
 *
 * <p>Each step keeps the matrix's last column as vertical deltas in bit vectors, so only {@code d[m][j]} is known;
 * since it changes by at most one per remaining character, the computation stops once the distance can no longer
 * come back within the allowance.
 */
final class OsaBits {

    /** Longest pattern the 64-bit vectors hold. */
    static final int MAX_PATTERN = 64;

    private final long[] matches;
    private final int length;

    /**
     * @param pattern      the query word's symbols, 1 to {@link #MAX_PATTERN} of them
     * @param alphabetSize the number of dense ids words may hold
     */
    OsaBits(int[] pattern, int alphabetSize) {
        if (pattern.length == 0 || pattern.length > MAX_PATTERN) {
            throw new IllegalArgumentException("pattern length " + pattern.length);
        }
        this.length = pattern.length;
        this.matches = new long[alphabetSize];
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i] >= 0) {
                matches[pattern[i]] |= 1L << i;
            }
        }
    }

    /**
     * @return the distance of the pattern to {@code symbols[from, from + count)}, or {@code allowed + 1} when it
     *         exceeds {@code allowed}
     */
    int distance(int[] symbols, int from, int count, int allowed) {
        long positive = -1L;
        long negative = 0;
        long diagonal = 0;
        long previousMatches = 0;
        long last = 1L << (length - 1);
        int distance = length;
        for (int j = 0; j < count; j++) {
            long match = matches[symbols[from + j]];
            long transposed = ((~diagonal & match) << 1) & previousMatches;
            diagonal = (((match & positive) + positive) ^ positive) | match | negative | transposed;
            long horizontalPositive = negative | ~(diagonal | positive);
            long horizontalNegative = diagonal & positive;
            distance += (horizontalPositive & last) != 0 ? 1 : 0;
            distance -= (horizontalNegative & last) != 0 ? 1 : 0;
            if (distance - (count - j - 1) > allowed) {
                return allowed + 1;
            }
            horizontalPositive = (horizontalPositive << 1) | 1;
            horizontalNegative <<= 1;
            positive = horizontalNegative | ~(diagonal | horizontalPositive);
            negative = horizontalPositive & diagonal;
            previousMatches = match;
        }
        return distance <= allowed ? distance : allowed + 1;
    }
}
