package dev.fnbundle.fuzzy.phonetic;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.fuzzy.InputTooLongException;
import dev.fnbundle.fuzzy.PhoneticInputException;

import java.util.Objects;

/**
 * Phonetic codes with the outputs of jellyfish's pure-Python implementation (jellyfish 0.x/1.x share the same test
 * data; textdistance itself has no phonetic encoders). Texts are limited to {@link #MAX_TEXT_LENGTH} code points.
 * Stateless and thread-safe.
 *
 * <p>Classic examples: Smith/Smyth give soundex S530 and metaphone SM0; Cathy/Kathy give soundex C300/K300 (Soundex
 * keeps the first letter), metaphone K0 and nysiis CATY; Robert and Rupert give soundex R163; Tymczak T522; Pfister
 * P236; Knight metaphone NT; Thompson soundex T512.
 */
public final class PhoneticService {

    /** Largest accepted text, in code points. */
    public static final int MAX_TEXT_LENGTH = 1_000;

    /**
     * @param text      the text, not null; may be empty (giving an empty code, except for the match rating codex)
     * @param algorithm the encoder, not null
     * @return the code, never null
     * @throws InvalidFieldsException when the text is null (field "text")
     * @throws InputTooLongException     when the text exceeds {@link #MAX_TEXT_LENGTH}
     * @throws PhoneticInputException    when the match rating codex is asked for a text without letters, or with
     *                                   characters other than letters and spaces
     */
    public String encode(String text, PhoneticAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        checked("text", text);
        return switch (algorithm) {
            case SOUNDEX -> Soundex.encode(text);
            case METAPHONE -> Metaphone.encode(text);
            case NYSIIS -> Nysiis.encode(text);
            case MATCH_RATING_CODEX -> MatchRatingApproach.codex("text", text);
        };
    }

    /**
     * jellyfish's {@code match_rating_comparison(a, b)}.
     *
     * @param a first text, not null
     * @param b second text, not null
     * @return the codices and the outcome, never null
     * @throws InvalidFieldsException when a text is null (field "a" or "b")
     * @throws InputTooLongException     when a text exceeds {@link #MAX_TEXT_LENGTH}
     * @throws PhoneticInputException    when a text is not made of letters and spaces (field "a" or "b")
     */
    public MatchRatingResult compareMatchRating(String a, String b) {
        checked("a", a);
        checked("b", b);
        return MatchRatingApproach.compare(a, b);
    }

    private static void checked(String field, String text) {
        if (text == null) {
            throw new InvalidFieldsException(field, "is required");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_LENGTH) {
            throw new InputTooLongException(field, length, MAX_TEXT_LENGTH);
        }
    }
}
