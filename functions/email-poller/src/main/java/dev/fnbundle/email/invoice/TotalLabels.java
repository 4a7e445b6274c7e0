package dev.fnbundle.email.invoice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores the label written before an amount: the higher the score, the more likely the amount is what the
 * invoice asks to pay. 3: amount/balance/total due, amount payable; 2: grand/invoice/order total, total amount;
 * 1: a bare "total" or "amount"; 0: no label, or a label for a part of the sum (subtotal, tax, VAT, shipping,
 * discount, paid). "incl. VAT" and the like leave the score unchanged. Only the last label in the text counts,
 * the one nearest to the amount. Thread-safe; linear in the text (word boundaries are {@link WordBoundary}'s,
 * and the spaces inside a label are matched possessively: a label word never starts with a space).
 */
final class TotalLabels {
    private static final Pattern LABEL = Pattern.compile("(?iu)" + WordBoundary.BOUNDARY + "(?:"
            + "(?<due>amount\\s++due|balance\\s++due|total\\s++due|amount\\s++payable|total\\s++payable"
            + "|due\\s++amount|zu\\s++zahlen|montant\\s++d[uû])"
            + "|(?<strong>grand\\s++total|invoice\\s++total|order\\s++total|total\\s++amount|amount\\s++total"
            + "|total\\s++charges|gesamtbetrag|rechnungsbetrag|total\\s++ttc)"
            + "|(?<qualifier>(?:incl|excl|inkl)(?:\\.|uding|usive)?\\s++(?:tax|vat|mwst|ust))"
            + "|(?<part>sub[-\\s]?total|total\\s++(?:tax|vat|discount|shipping|paid|savings)|tax|vat|mwst|shipping"
            + "|discount|paid)"
            + "|(?<weak>total|amount|betrag|summe))" + WordBoundary.BOUNDARY);

    private TotalLabels() {
    }

    /**
     * The score of the label nearest to the end of {@code before}.
     *
     * @param before the text between the previous amount (or the line start) and this amount; never null
     * @return 0 to 3
     */
    static int score(CharSequence before) {
        Matcher matcher = LABEL.matcher(before);
        int score = 0;
        while (matcher.find()) {
            if (matcher.group("due") != null) {
                score = 3;
            } else if (matcher.group("strong") != null) {
                score = 2;
            } else if (matcher.group("qualifier") != null) {
                // "Total (incl. VAT)" still labels the total: a qualifier leaves the score as it was.
                continue;
            } else if (matcher.group("part") != null) {
                score = 0;
            } else {
                score = 1;
            }
        }
        return score;
    }
}
