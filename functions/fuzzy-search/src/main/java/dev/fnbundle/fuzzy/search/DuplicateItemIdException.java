package dev.fnbundle.fuzzy.search;

import dev.fnbundle.fuzzy.input.FuzzyException;

/**
 * Two catalog items share an id. Maps to 409 (or 422 when the catalog comes from a request body).
 */
public final class DuplicateItemIdException extends FuzzyException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final int firstIndex;
    private final int secondIndex;

    /**
     * @param id          the repeated id
     * @param firstIndex  position of its first occurrence in the catalog
     * @param secondIndex position of the repetition
     */
    public DuplicateItemIdException(String id, int firstIndex, int secondIndex) {
        super("items[" + secondIndex + "].id repeats the id of items[" + firstIndex + "]: '" + clip(id) + "'");
        this.id = id;
        this.firstIndex = firstIndex;
        this.secondIndex = secondIndex;
    }

    /** @return the repeated id */
    public String id() {
        return id;
    }

    /** @return position of the first occurrence */
    public int firstIndex() {
        return firstIndex;
    }

    /** @return position of the repetition */
    public int secondIndex() {
        return secondIndex;
    }
}
