package dev.fnbundle.fuzzy.phonetic;

import dev.fnbundle.fuzzy.input.UnknownAlgorithmException;

import java.util.Arrays;
import java.util.List;

/**
 * The phonetic encoders, named as jellyfish names its functions (the codex of the match rating approach is
 * {@code match_rating_codex}).
 */
public enum PhoneticAlgorithm {
    SOUNDEX("soundex"),
    METAPHONE("metaphone"),
    NYSIIS("nysiis"),
    MATCH_RATING_CODEX("match_rating_codex");

    private static final List<String> NAMES = Arrays.stream(values()).map(PhoneticAlgorithm::jellyfishName).toList();

    private final String jellyfishName;

    PhoneticAlgorithm(String jellyfishName) {
        this.jellyfishName = jellyfishName;
    }

    /** @return jellyfish's function name, e.g. {@code "nysiis"} */
    public String jellyfishName() {
        return jellyfishName;
    }

    /**
     * @param name the jellyfish name, case-sensitive; may be null
     * @return the encoder
     * @throws UnknownAlgorithmException listing {@link #names()} when the name is null or unknown
     */
    public static PhoneticAlgorithm fromName(String name) {
        for (PhoneticAlgorithm algorithm : values()) {
            if (algorithm.jellyfishName.equals(name)) {
                return algorithm;
            }
        }
        throw new UnknownAlgorithmException("algorithm", name, NAMES);
    }

    /** @return every valid name; never null */
    public static List<String> names() {
        return NAMES;
    }
}
