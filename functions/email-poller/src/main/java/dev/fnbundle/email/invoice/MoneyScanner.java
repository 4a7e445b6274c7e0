package dev.fnbundle.email.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds amounts of money in text, in US ({@code 1,234.50}), European ({@code 1.234,56}), spaced
 * ({@code 1 234,56}, also with no-break or thin spaces) and Swiss ({@code 1'234.50}) notation, with a currency
 * symbol or ISO code before or after the number.
 *
 * <p>Currency rules: {@code €} is EUR, {@code £} GBP, {@code ¥} JPY, a bare {@code $} is USD unless a prefixed
 * form ({@code CA$}, {@code A$}, ...) or an ISO code after the number says otherwise; an ISO code wins over a
 * symbol. A number without a marker is returned only with two decimals (so "3 items" is never an amount), and
 * with a null currency. Decimals are the last separator followed by exactly two digits; every other separator
 * must be one and the same grouping character followed by three digits. A number has at most
 * {@value #MAX_INTEGER_DIGITS} digits before its decimals (up to 999 trillion): a longer run of digits is an
 * account, card or tracking number, never an amount, and reading it as one cost time quadratic in its length.
 * Thread-safe; linear in the text.
 */
final class MoneyScanner {
    private static final String CODES = "USD|EUR|GBP|CHF|CAD|AUD|NZD|JPY|CNY|SEK|NOK|DKK|PLN|CZK|HUF|INR|BRL|MXN"
            + "|SGD|HKD|ZAR";
    private static final String SYMBOLS = "US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|HK\\$|S\\$|\\$|€|£|¥";
    private static final String SPACE = "[ \\u00a0\\u202f]";
    /** At most {@value #MAX_INTEGER_DIGITS} digits before the decimals, grouped or not. */
    private static final String NUMBER = "\\d{1,3}(?:[,.'\\u00a0\\u202f ]\\d{3}){1,4}(?:[.,]\\d{2})?(?!\\d)"
            + "|\\d{1,15}(?:[.,]\\d{2})?(?!\\d)";
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:(?<pre>" + SYMBOLS + "|(?<![A-Za-z])(?:" + CODES + ")(?![A-Za-z]))" + SPACE + "?)?"
                    + "(?<![\\d.,])(?<num>" + NUMBER + ")(?![.,]\\d)"
                    + "(?:" + SPACE + "?(?<post>€|£|(?<![A-Za-z])(?:" + CODES + ")(?![A-Za-z])))?");
    private static final Map<String, String> SYMBOL_CODES = Map.of("US$", "USD", "$", "USD", "CA$", "CAD",
            "C$", "CAD", "AU$", "AUD", "A$", "AUD", "NZ$", "NZD", "HK$", "HKD", "S$", "SGD", "€", "EUR");

    /**
     * All amounts in the text, in order of appearance.
     *
     * @param text never null
     * @return never null
     */
    List<AmountMatch> scan(String text) {
        List<AmountMatch> result = new ArrayList<>();
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            String pre = matcher.group("pre");
            String post = matcher.group("post");
            String number = matcher.group("num");
            BigDecimal value = parseNumber(number);
            boolean marked = pre != null || post != null;
            if (value == null || (!marked && !hasDecimals(number))) {
                continue;
            }
            result.add(new AmountMatch(matcher.start(), matcher.end(), new Money(value, currency(pre, post)), marked));
        }
        return result;
    }

    private static boolean hasDecimals(String number) {
        int length = number.length();
        return length > 3 && (number.charAt(length - 3) == '.' || number.charAt(length - 3) == ',');
    }

    static String currency(String pre, String post) {
        if (post != null && post.length() == 3) {
            return post;
        }
        String marker = pre != null ? pre : post;
        if (marker == null) {
            return null;
        }
        if (marker.chars().allMatch(Character::isLetter)) {
            return marker;
        }
        return switch (marker) {
            case "£" -> "GBP";
            case "¥" -> "JPY";
            default -> SYMBOL_CODES.get(marker);
        };
    }

    /**
     * Interprets a number token; null when its separators are inconsistent (e.g. {@code 1,234.567}).
     */
    static BigDecimal parseNumber(String token) {
        String integerPart = token;
        String decimals = "";
        if (hasDecimals(token)) {
            integerPart = token.substring(0, token.length() - 3);
            decimals = token.substring(token.length() - 2);
        }
        StringBuilder digits = new StringBuilder(integerPart.length());
        char grouping = 0;
        for (int i = 0; i < integerPart.length(); i++) {
            char c = integerPart.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (grouping == 0 || grouping == c) {
                grouping = c;
            } else {
                return null;
            }
        }
        if (grouping != 0 && !decimals.isEmpty() && token.charAt(token.length() - 3) == grouping) {
            return null;
        }
        return new BigDecimal(decimals.isEmpty() ? digits.toString() : digits + "." + decimals);
    }
}
