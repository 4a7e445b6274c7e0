package dev.fnbundle.email.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The linear-time finders find what the patterns they replaced found. The reference below is the extraction code
 * as it was before issue 13 (the patterns verbatim, with {@code \b}, greedy runs of spaces and unbounded numbers),
 * run on short random texts made of the words, numbers, separators, accented letters and combining marks
 * invoices contain, where it is fast. Allowed differences, both documented: a number with more than 15 digits
 * before its decimals is no amount any more, and a combining mark that follows neither a letter nor a digit
 * counts as part of a word (the generator writes marks after letters only).
 */
class OriginalPatternsEquivalenceTest {
    private static final int CASES = 30_000;
    private static final List<String> TOKENS = List.of("invoice", "Invoice", "INVOICE", "bill", "Rechnung",
            "rechnungsnummer", "Facture", "factura", "no", "No.", "nr.", "n°", "nº", "number", "num.", "#", "id", "ref",
            "reference", ":", " ", " ", " ", "  ", "\t", "\n", "\r\n", "-", "_", "/", ".", ",", "'", "1", "7", "42",
            "2026", "0042", "A", "Z", "x", "é", "É", "ü", "e\u0301", "a\u0316\u0301", "ß", "\u212a", "\u017f", "INV",
            "RE", "FAC", "BILL", "due", "Due", "date", "payment", "pay", "payable", "by", "on", "fällig",
            "Fälligkeitsdatum", "am", "zahlbar", "bis", "échéance", "Échéance", "2026-06-15", "15.06.2026",
            "06/30/2026", "June 15, 2026", "15th Jun 2026", "total", "Total", "amount", "balance", "grand", "sub",
            "subtotal", "tax", "VAT", "incl.", "including", "paid", "shipping", "zu zahlen", "Gesamtbetrag",
            "montant dû", "$", "€", "£", "¥", "US$", "CA$", "USD", "EUR", "CHF", "GBP", "1,234.50", "1.234,56",
            "12.50", "1 234,56", "1\u00a0234,56", "1'234.50", "99", "0.00", "3 items", "\u00a0", "\u202f");

    // The patterns as they were, verbatim.
    private static final Pattern OLD_LABELLED = Pattern.compile("(?iu)\\b(?:invoice|bill|rechnung|facture|factura)"
            + "(?:[ \\t]*(?:no\\.?|nr\\.?|n[°º]|number|num\\.?|#|id|ref(?:erence)?)[ \\t]*[:#]?"
            + "|[ \\t]*:|snummer[ \\t]*:?)"
            + "[ \\t]*#?" + "(?<id>[A-Za-z0-9](?:[A-Za-z0-9\\-/_.]*[A-Za-z0-9])?)");
    private static final Pattern OLD_SHAPED = Pattern.compile("\\b(?<id>(?:INV|RE|FAC|BILL)[-_/]?\\d[A-Z0-9\\-/]*\\d"
            + "|(?:INV|RE|FAC|BILL)[-_/]?\\d)\\b");
    private static final Pattern OLD_TOTAL = Pattern.compile("(?iu)\\b(?:"
            + "(?<due>amount\\s+due|balance\\s+due|total\\s+due|amount\\s+payable|total\\s+payable|due\\s+amount"
            + "|zu\\s+zahlen|montant\\s+d[uû])"
            + "|(?<strong>grand\\s+total|invoice\\s+total|order\\s+total|total\\s+amount|amount\\s+total"
            + "|total\\s+charges|gesamtbetrag|rechnungsbetrag|total\\s+ttc)"
            + "|(?<qualifier>(?:incl|excl|inkl)(?:\\.|uding|usive)?\\s+(?:tax|vat|mwst|ust))"
            + "|(?<part>sub[-\\s]?total|total\\s+(?:tax|vat|discount|shipping|paid|savings)|tax|vat|mwst|shipping"
            + "|discount|paid)"
            + "|(?<weak>total|amount|betrag|summe))\\b");
    private static final Pattern OLD_DUE = Pattern.compile("(?iu)\\b(?:(?:payment\\s+)?due(?:\\s+date)?"
            + "(?:\\s+(?:on|by))?|pay(?:able)?\\s+by|payment\\s+date|fällig(?:keitsdatum)?(?:\\s+am)?"
            + "|zahlbar\\s+bis|échéance)\\b[ \\t:\\-]*");
    private static final String CODES = "USD|EUR|GBP|CHF|CAD|AUD|NZD|JPY|CNY|SEK|NOK|DKK|PLN|CZK|HUF|INR|BRL|MXN"
            + "|SGD|HKD|ZAR";
    private static final Pattern OLD_AMOUNT = Pattern.compile(
            "(?:(?<pre>US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|\\$|€|£|¥|(?<![A-Za-z])(?:" + CODES
                    + ")(?![A-Za-z]))[ \\u00a0\\u202f]?)?(?<![\\d.,])(?<num>\\d{1,3}(?:[,.'\\u00a0\\u202f ]\\d{3})+"
                    + "(?:[.,]\\d{2})?(?!\\d)|\\d+(?:[.,]\\d{2})?(?!\\d))(?![.,]\\d)(?:[ \\u00a0\\u202f]?(?<post>€|£"
                    + "|(?<![A-Za-z])(?:" + CODES + ")(?![A-Za-z])))?");

    private final Random random = new Random(20260513L);

    private String text() {
        StringBuilder text = new StringBuilder();
        int tokens = random.nextInt(24);
        for (int i = 0; i < tokens; i++) {
            text.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return text.toString();
    }

    @Test
    void invoice_numbers_are_the_ones_the_original_patterns_found() {
        var finder = new InvoiceNumberFinder();
        for (int i = 0; i < CASES; i++) {
            String body = text();
            String subject = text();

            assertThat(finder.find(body, subject)).as("body [%s] subject [%s]", body, subject)
                    .isEqualTo(oldNumber(body, subject));
        }
    }

    @Test
    void total_label_scores_are_the_ones_the_original_pattern_gave() {
        for (int i = 0; i < CASES; i++) {
            String text = text();

            assertThat(TotalLabels.score(text)).as("[%s]", text).isEqualTo(oldScore(text));
        }
    }

    @Test
    void due_dates_are_the_ones_the_original_pattern_found() {
        var finder = new DueDateFinder();
        for (int i = 0; i < CASES; i++) {
            String text = text();

            assertThat(finder.find(text)).as("[%s]", text).isEqualTo(oldDueDate(text));
        }
    }

    @Test
    void amounts_and_the_amount_to_pay_are_the_ones_the_original_code_found() {
        var scanner = new MoneyScanner();
        var selector = new AmountSelector();
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            String text = text();
            if (oldMatchesANumberOver15Digits(text)) {
                continue;
            }
            List<AmountMatch> old = oldScan(text);
            compared++;

            assertThat(scanner.scan(text)).as("[%s]", text).isEqualTo(old);
            assertThat(selector.select(text)).as("[%s]", text).isEqualTo(oldSelect(text));
        }
        assertThat(compared).isGreaterThan(CASES * 9 / 10);
    }

    /** Whether the original pattern took a run of more than 15 digits (before any decimals) as one number. */
    private static boolean oldMatchesANumberOver15Digits(String text) {
        Matcher matcher = OLD_AMOUNT.matcher(text);
        while (matcher.find()) {
            String number = matcher.group("num");
            int length = number.length();
            boolean decimals = length > 3 && (number.charAt(length - 3) == '.' || number.charAt(length - 3) == ',');
            if ((decimals ? number.substring(0, length - 3) : number).chars().filter(Character::isDigit).count()
                    > 15) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> oldNumber(String body, String subject) {
        return oldFirst(OLD_LABELLED, body).or(() -> oldFirst(OLD_LABELLED, subject))
                .or(() -> oldFirst(OLD_SHAPED, body)).or(() -> oldFirst(OLD_SHAPED, subject));
    }

    private static Optional<String> oldFirst(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String id = matcher.group("id");
            if (id.chars().anyMatch(Character::isDigit) && id.length() <= 40) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static int oldScore(CharSequence before) {
        Matcher matcher = OLD_TOTAL.matcher(before);
        int score = 0;
        while (matcher.find()) {
            if (matcher.group("due") != null) {
                score = 3;
            } else if (matcher.group("strong") != null) {
                score = 2;
            } else if (matcher.group("qualifier") != null) {
                continue;
            } else if (matcher.group("part") != null) {
                score = 0;
            } else {
                score = 1;
            }
        }
        return score;
    }

    private static Optional<java.time.LocalDate> oldDueDate(String text) {
        Matcher label = OLD_DUE.matcher(text);
        while (label.find()) {
            var date = DueDateFinder.parse(text.substring(label.end(), Math.min(text.length(), label.end() + 40)));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static List<AmountMatch> oldScan(String text) {
        List<AmountMatch> result = new ArrayList<>();
        Matcher matcher = OLD_AMOUNT.matcher(text);
        while (matcher.find()) {
            String pre = matcher.group("pre");
            String post = matcher.group("post");
            String number = matcher.group("num");
            BigDecimal value = MoneyScanner.parseNumber(number);
            boolean marked = pre != null || post != null;
            int length = number.length();
            boolean decimals = length > 3 && (number.charAt(length - 3) == '.' || number.charAt(length - 3) == ',');
            if (value == null || (!marked && !decimals)) {
                continue;
            }
            result.add(new AmountMatch(matcher.start(), matcher.end(),
                    new Money(value, MoneyScanner.currency(pre, post)), marked));
        }
        return result;
    }

    private static Optional<Money> oldSelect(String text) {
        AmountMatch best = null;
        int bestScore = 0;
        AmountMatch firstMarked = null;
        int previousEnd = 0;
        for (AmountMatch match : oldScan(text)) {
            int score = oldScore(oldLabelRegion(text, previousEnd, match.start()));
            if (score > 0 && score >= bestScore) {
                best = match;
                bestScore = score;
            }
            if (firstMarked == null && match.currencyMarked()) {
                firstMarked = match;
            }
            previousEnd = match.end();
        }
        return Optional.ofNullable(best != null ? best : firstMarked).map(AmountMatch::money);
    }

    private static CharSequence oldLabelRegion(String text, int previousEnd, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int from = Math.max(lineStart, previousEnd);
        CharSequence region = text.subSequence(from, start);
        if (region.chars().anyMatch(Character::isLetter) || lineStart == 0 || previousEnd >= lineStart) {
            return region;
        }
        int previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        return text.subSequence(Math.max(previousLineStart, previousEnd), lineStart);
    }
}
