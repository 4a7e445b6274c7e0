package dev.fnbundle.email.invoice;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the payment due date after a label such as "Due date", "Payment due", "Due by", "Pay by", "Fällig am" or
 * "Zahlbar bis". Understood dates: ISO {@code 2026-06-15}; day-first with dots {@code 15.06.2026}; English month
 * names {@code June 15, 2026}, {@code 15 Jun 2026}, {@code 15th June 2026}; and slashes {@code 06/15/2026} only
 * when one side is above 12, because {@code 05/06/2026} is May or June depending on the country and is therefore
 * left absent. Impossible dates (February 30) are absent too. Thread-safe; linear in the text: the label's word
 * boundaries are {@link WordBoundary}'s, its spaces are matched possessively, and dates are read from the
 * {@value #DATE_WINDOW} characters after a label.
 */
final class DueDateFinder {
    private static final Pattern LABEL = Pattern.compile("(?iu)" + WordBoundary.BOUNDARY
            + "(?:(?:payment\\s++)?due(?:\\s++date)?(?:\\s++(?:on|by))?|pay(?:able)?\\s++by|payment\\s++date"
            + "|fällig(?:keitsdatum)?(?:\\s++am)?|zahlbar\\s++bis|échéance)" + WordBoundary.BOUNDARY + "[ \\t:\\-]*");
    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
            + "|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("^(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})\\b");
    private static final Pattern DOTTED = Pattern.compile("^(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<y>\\d{4})\\b");
    private static final Pattern SLASHED = Pattern.compile("^(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4})\\b");
    private static final Pattern MONTH_FIRST = Pattern.compile("(?i)^" + MONTH
            + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile("(?i)^(?<d>\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+" + MONTH
            + ",?\\s+(?<y>\\d{4})\\b");
    /** How far after a label a date is looked for; a date written out ("September 15th, 2026") is shorter. */
    private static final int DATE_WINDOW = 40;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    /**
     * The first date that follows a due-date label.
     *
     * @param text never null
     * @return the date, or empty when no label is followed by an unambiguous, valid date
     */
    Optional<LocalDate> find(String text) {
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            String after = text.substring(label.end(), Math.min(text.length(), label.end() + DATE_WINDOW));
            Optional<LocalDate> date = parse(after);
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    static Optional<LocalDate> parse(String text) {
        Matcher m;
        if ((m = ISO.matcher(text)).find() || (m = DOTTED.matcher(text)).find()) {
            return date(m.group("y"), m.group("m"), m.group("d"));
        }
        if ((m = MONTH_FIRST.matcher(text)).find() || (m = DAY_FIRST.matcher(text)).find()) {
            int month = MONTHS.get(m.group("month").substring(0, 3).toLowerCase(Locale.ROOT));
            return date(m.group("y"), Integer.toString(month), m.group("d"));
        }
        if ((m = SLASHED.matcher(text)).find()) {
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            if (a > 12 && b <= 12) {
                return date(m.group("y"), m.group("b"), m.group("a"));
            }
            if (b > 12 && a <= 12) {
                return date(m.group("y"), m.group("a"), m.group("b"));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
