package dev.fnbundle.fuzzy.phonetic;

/**
 * Outcome of jellyfish's {@code match_rating_comparison}.
 *
 * @param firstCodex    codex of the first text
 * @param secondCodex   codex of the second text
 * @param outcome       match, no match, or not comparable (jellyfish's {@code None}: codex lengths differ by 3 or
 *                      more)
 * @param rating        {@code 6 - unmatched characters}; 0 when not comparable
 * @param minimumRating rating needed for a match; 0 when not comparable
 */
public record MatchRatingResult(String firstCodex, String secondCodex, Outcome outcome, int rating,
                                int minimumRating) {

    /** jellyfish's True, False and None. */
    public enum Outcome { MATCH, NO_MATCH, NOT_COMPARABLE }
}
