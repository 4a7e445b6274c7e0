package dev.fnbundle.fuzzy.search;

import dev.fnbundle.fuzzy.input.UnknownAlgorithmException;

import java.util.List;

/** The ranking functions a search can use. */
public enum Ranker {
    /** The seed tutorial's score, exactly: see {@link SeedRanker}. */
    SEED("seed"),
    /** Token-aware, typo-tolerant per word, with a phonetic boost: see {@link DefaultRanker}. */
    DEFAULT("default");

    private static final List<String> NAMES = List.of("seed", "default");

    private final String apiName;

    Ranker(String apiName) {
        this.apiName = apiName;
    }

    /** @return the name used in requests */
    public String apiName() {
        return apiName;
    }

    /**
     * @param name "seed" or "default"; null selects {@link #DEFAULT}
     * @return the ranker
     * @throws UnknownAlgorithmException (field "ranker") listing the valid names
     */
    public static Ranker fromName(String name) {
        if (name == null) {
            return DEFAULT;
        }
        for (Ranker ranker : values()) {
            if (ranker.apiName.equals(name)) {
                return ranker;
            }
        }
        throw new UnknownAlgorithmException("ranker", name, NAMES);
    }
}
