package dev.fnbundle.email.invoice;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an invoice number: first "invoice" (or bill, Rechnung, facture, factura) followed by a marker such as
 * "No.", "n°", "number", "#", "ID" or a colon, then the number; failing that, a token shaped like {@code INV-2026-7}
 * or {@code RE-123} ({@link ShapedNumberScanner}). The number must contain a digit, so "Invoice: see attached"
 * yields nothing, and has at most 40 characters. Thread-safe; linear in the text: the label's word boundary is
 * {@link WordBoundary}'s and its spaces are matched possessively (two greedy runs of spaces side by side made a
 * label followed by 20 000 spaces take seconds), and a number, once started, always completes the match.
 */
final class InvoiceNumberFinder {
    private static final String ID = "(?<id>[A-Za-z0-9](?:[A-Za-z0-9\\-/_.]*[A-Za-z0-9])?)";
    private static final Pattern LABELLED = Pattern.compile("(?iu)" + WordBoundary.BOUNDARY
            + "(?:invoice|bill|rechnung|facture|factura)"
            + "(?:[ \\t]*+(?:no\\.?|nr\\.?|n[°º]|number|num\\.?|#|id|ref(?:erence)?)[ \\t]*+[:#]?"
            + "|[ \\t]*+:|snummer[ \\t]*+:?)"
            + "[ \\t]*+#?" + ID);
    private final ShapedNumberScanner shaped = new ShapedNumberScanner();

    /**
     * The invoice number from the body, else from the subject.
     *
     * @param body    never null
     * @param subject may be null
     * @return the number as written, or empty
     */
    Optional<String> find(String body, String subject) {
        String safeSubject = subject == null ? "" : subject;
        return first(LABELLED, body)
                .or(() -> first(LABELLED, safeSubject))
                .or(() -> shaped.find(body))
                .or(() -> shaped.find(safeSubject));
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String id = matcher.group("id");
            if (id.chars().anyMatch(Character::isDigit) && id.length() <= ShapedNumberScanner.MAX_LENGTH) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
