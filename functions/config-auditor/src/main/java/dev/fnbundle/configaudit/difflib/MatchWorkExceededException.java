package dev.fnbundle.configaudit.difflib;

/** Matching two sequences needed more work than the matcher's {@link SequenceMatcher#limitWork bound}. */
public final class MatchWorkExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long maxWork;

    /** @param maxWork the bound that was passed */
    public MatchWorkExceededException(long maxWork) {
        super("matching needs more than " + maxWork + " steps", null, false, false);
        this.maxWork = maxWork;
    }

    /** The bound that was passed. */
    public long maxWork() {
        return maxWork;
    }
}
