package dev.fnbundle.email.invoice;

import java.util.Optional;

/**
 * Finds the first token shaped like an invoice number: {@code INV}, {@code RE}, {@code FAC} or {@code BILL}
 * (upper case) at the start of a word, an optional {@code -}, {@code _} or {@code /}, then a digit and, when the
 * token goes on, a run of {@code A-Z 0-9 - /} whose last character is a digit; the token ends a word. Of several
 * possible ends the furthest counts ({@code RE-12-A-34} is one token), and a token of more than
 * {@value #MAX_LENGTH} characters is passed over, the search going on after it.
 *
 * <p>That is what {@code \b(?:INV|RE|FAC|BILL)[-_/]?\d(?:[A-Z0-9\-/]*\d)?\b} finds, without its backtracking: on
 * {@code RE1A-} repeated the pattern read the rest of the text again from every {@code RE} (80 KB took 21 s),
 * while this scanner finds each run's end, and the last digit in it that ends a word, once. Word boundaries are
 * {@link WordBoundary}'s. Thread-safe; linear in the text.
 */
final class ShapedNumberScanner {
    /** The longest invoice number taken. */
    static final int MAX_LENGTH = 40;
    private static final String[] PREFIXES = {"INV", "RE", "FAC", "BILL"};

    /**
     * The first shaped invoice number of at most {@value #MAX_LENGTH} characters.
     *
     * @param text never null
     * @return the token as written, or empty
     */
    Optional<String> find(String text) {
        Run run = new Run(text);
        int i = 0;
        while (i < text.length()) {
            int prefix = prefixAt(text, i);
            int digit = i + prefix + (prefix > 0 && i + prefix < text.length()
                    && "-_/".indexOf(text.charAt(i + prefix)) >= 0 ? 1 : 0);
            if (prefix == 0 || digit >= text.length() || !isDigit(text.charAt(digit)) || !startsWord(text, i)) {
                i++;
                continue;
            }
            int last = run.lastEndingAfter(digit + 1);
            int end = last >= 0 ? last + 1 : endsWord(text, digit) ? digit + 1 : -1;
            if (end < 0) {
                i++;
            } else if (end - i <= MAX_LENGTH) {
                return Optional.of(text.substring(i, end));
            } else {
                i = end;
            }
        }
        return Optional.empty();
    }

    private static int prefixAt(String text, int i) {
        for (String prefix : PREFIXES) {
            if (text.startsWith(prefix, i)) {
                return prefix.length();
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean inRun(char c) {
        return c >= 'A' && c <= 'Z' || isDigit(c) || c == '-' || c == '/';
    }

    private static boolean startsWord(String text, int i) {
        return i == 0 || !WordBoundary.isWordChar(text.codePointBefore(i));
    }

    /** Whether a digit at {@code at} can end the token: no word character follows it. */
    private static boolean endsWord(String text, int at) {
        return at + 1 == text.length() || !WordBoundary.isWordChar(text.codePointAt(at + 1));
    }

    /**
     * The runs of {@code A-Z 0-9 - /}, each read once: candidates come in increasing order and never start inside
     * an earlier candidate's prefix, so the positions asked about only grow. Not thread-safe: one per search.
     */
    private static final class Run {
        private final String text;
        private int end = -1;
        private int lastEnding = -1;

        Run(String text) {
            this.text = text;
        }

        /**
         * The furthest digit at or after {@code from}, in the run that holds {@code from}, that ends a word.
         *
         * @return its index, or -1 when there is none (or no run at {@code from})
         */
        int lastEndingAfter(int from) {
            if (from >= text.length() || !inRun(text.charAt(from))) {
                return -1;
            }
            if (from >= end) {
                lastEnding = -1;
                end = from;
                while (end < text.length() && inRun(text.charAt(end))) {
                    if (isDigit(text.charAt(end)) && endsWord(text, end)) {
                        lastEnding = end;
                    }
                    end++;
                }
            }
            return lastEnding >= from ? lastEnding : -1;
        }
    }
}
