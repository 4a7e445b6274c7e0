package dev.fnbundle.configaudit.secrets;

/**
 * A cheaper first look than {@link SecretPolicy#mayNameSecret} for the lines of a plain-ASCII document: every
 * secret marker holds an {@code r}, a {@code k} or a {@code w} (either case), and an escape needs a backslash, so
 * a line without any of those seven characters names no secret. Where each comes next in the whole text is found
 * by {@link String#indexOf(int, int)}, which scans many characters at a time, instead of running the marker
 * automaton over every character (the cost of masking a large config by shape).
 *
 * <p>Lines are asked in increasing order. When the letters turn out to be common (most lines hold one), each line
 * would pay a search and the automaton as well: past {@value #TRIAL_LINES} lines with more than a quarter of them
 * possible, the filter answers "maybe" for every line from then on. Either answer only decides whether the
 * automaton runs, so masking is the same with or without it.
 */
final class MarkerLetters {
    /** Each marker of {@link SecretPolicy#MARKERS} contains one of r, k, w; and the backslash of an escape. */
    private static final String TRIGGERS = "rRkKwW\\";
    private static final int TRIAL_LINES = 256;

    private final String text;
    /** Per trigger, its next index at or after the last line's start, or {@code Integer.MAX_VALUE} for none. */
    private final int[] next = new int[TRIGGERS.length()];
    private int asked;
    private int maybe;
    private boolean off;

    private MarkerLetters(String text) {
        this.text = text;
        java.util.Arrays.fill(next, -1);
    }

    /** A filter over {@code text}, which must hold ASCII characters only. */
    static MarkerLetters over(String text) {
        return new MarkerLetters(text);
    }

    /** False only when {@code text[start, end)} holds none of the trigger characters; starts must not decrease. */
    boolean mayNameSecret(int start, int end) {
        if (off) {
            return true;
        }
        boolean found = false;
        for (int k = 0; k < next.length && !found; k++) {
            int at = next[k];
            if (at < start) {
                at = text.indexOf(TRIGGERS.charAt(k), start);
                next[k] = at = at < 0 ? Integer.MAX_VALUE : at;
            }
            found = at < end;
        }
        asked++;
        if (found && ++maybe * 4 > asked && asked > TRIAL_LINES) {
            off = true;
        }
        return found;
    }
}
