package dev.fnbundle.email.invoice;

import java.util.List;
import java.util.Optional;

/**
 * Picks the amount to pay from a text. The amount after the strongest total label wins (see {@link TotalLabels};
 * on a tie the last one, since totals close an invoice); a labelled amount needs either a currency marker or two
 * decimals. Without any labelled amount, the seed's rule generalised: the first amount with a currency marker.
 * Thread-safe; linear in the text (line starts are found by one forward pass, not by looking back from each
 * amount, which made a long line of amounts quadratic).
 */
final class AmountSelector {
    private final MoneyScanner scanner = new MoneyScanner();

    /**
     * The amount to pay.
     *
     * @param text never null
     * @return the amount, or empty when the text has none
     */
    Optional<Money> select(String text) {
        List<AmountMatch> matches = scanner.scan(text);
        AmountMatch best = null;
        int bestScore = 0;
        AmountMatch firstMarked = null;
        int previousEnd = 0;
        Lines lines = new Lines(text);
        for (AmountMatch match : matches) {
            int score = TotalLabels.score(labelRegion(text, previousEnd, match.start(), lines));
            if (score > 0 && score >= bestScore) {
                best = match;
                bestScore = score;
            }
            if (firstMarked == null && match.currencyMarked()) {
                firstMarked = match;
            }
            previousEnd = match.end();
        }
        AmountMatch chosen = best != null ? best : firstMarked;
        return Optional.ofNullable(chosen).map(AmountMatch::money);
    }

    /**
     * The text a label for the amount at {@code start} may stand in: from the previous amount or the start of the
     * line, whichever is later; when that holds no letter (the amount starts its line, as in a table cell below
     * its header), the previous line is used instead.
     */
    private static CharSequence labelRegion(String text, int previousEnd, int start, Lines lines) {
        lines.advanceTo(start);
        int lineStart = lines.lineStart();
        int from = Math.max(lineStart, previousEnd);
        CharSequence region = text.subSequence(from, start);
        if (hasLetter(region) || lineStart == 0 || previousEnd >= lineStart) {
            return region;
        }
        return text.subSequence(Math.max(lines.previousLineStart(), previousEnd), lineStart);
    }

    private static boolean hasLetter(CharSequence text) {
        return text.chars().anyMatch(Character::isLetter);
    }

    /** Where the line holding a position, and the line before it, start; positions asked about must not shrink. */
    private static final class Lines {
        private final String text;
        private int scanned;
        private int lineStart;
        private int previousLineStart;

        Lines(String text) {
            this.text = text;
        }

        void advanceTo(int position) {
            for (; scanned < position; scanned++) {
                if (text.charAt(scanned) == '\n') {
                    previousLineStart = lineStart;
                    lineStart = scanned + 1;
                }
            }
        }

        int lineStart() {
            return lineStart;
        }

        int previousLineStart() {
            return previousLineStart;
        }
    }
}
