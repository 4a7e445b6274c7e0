package dev.fnbundle.rss.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds actually contain into UTC instants: RFC 822/1123/5322 ({@code Tue, 05 Jan 2024 10:00:00
 * GMT}) with named, numeric or military zones, two-digit years, missing seconds and wrong, missing or full day
 * names; the C {@code ctime} order ({@code Tue Jan 05 10:00:00 UTC 2024}); and RFC 3339 / ISO-8601 with or without
 * fraction and offset, a space instead of {@code T}, or no time at all. A time without a zone is taken as UTC and
 * flagged. Anything else is unparseable (null), never guessed. O(length of the text).
 */
final class FeedDateParser {
    /** A parsed date; {@code zoneAssumed} when the text had a time but no usable zone and UTC was assumed. */
    record FeedDate(Instant instant, boolean zoneAssumed) {
    }

    private static final String ZONE = "([A-Za-z]{1,5}|[+-]\\d{1,2}:?\\d{2})";
    private static final String TIME = "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,]\\d+)?)?";
    private static final Pattern RFC822 = Pattern.compile(
            "^(?:[A-Za-z]+\\.?\\s*,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})\\.?,?[\\s-]+(\\d{2,4}),?"
                    + "(?:\\s+" + TIME + ")?(?:\\s*" + ZONE + ")?\\s*(?:\\([^)]*\\))?$");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "^(?:[A-Za-z]+\\.?,?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(?:(\\d{4}),?\\s+)?" + TIME
                    + "(?:\\s*" + ZONE + ")?(?:\\s+(\\d{4}))?$");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:(?:[Tt]|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?$");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final Map<String, Integer> NAMED_ZONES_MINUTES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600),
            Map.entry("WEST", 60), Map.entry("BST", 60), Map.entry("CET", 60), Map.entry("MET", 60),
            Map.entry("CEST", 120), Map.entry("MEST", 120), Map.entry("EET", 120), Map.entry("EEST", 180),
            Map.entry("MSK", 180), Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("AEST", 600),
            Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private FeedDateParser() {
    }

    /** @return the instant, or null when the text is null, blank or not a date this parser knows */
    static FeedDate parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        try {
            FeedDate canonical = canonicalRfc1123(s);
            if (canonical != null) {
                return canonical;
            }
            if (s.length() >= 10 && (s.charAt(4) == '-' || s.charAt(4) == '/')) {
                Matcher m = ISO.matcher(s);
                return m.matches() ? iso(m) : null;
            }
            Matcher m = RFC822.matcher(s);
            if (m.matches()) {
                return rfc822(m);
            }
            m = MONTH_FIRST.matcher(s);
            if (m.matches()) {
                return monthFirst(m);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * The layout nearly every feed uses, {@code Tue, 05 Jan 2024 10:00:00 +0000} or {@code ... GMT}, read by
     * position without a regex; null for anything else (the general patterns then decide).
     */
    private static FeedDate canonicalRfc1123(String s) {
        boolean numericZone = s.length() == 31 && (s.charAt(26) == '+' || s.charAt(26) == '-');
        boolean gmt = s.length() == 29 && s.endsWith("GMT");
        if (!(numericZone || gmt) || s.charAt(3) != ',' || s.charAt(4) != ' ' || s.charAt(7) != ' '
                || s.charAt(11) != ' ' || s.charAt(16) != ' ' || s.charAt(19) != ':' || s.charAt(22) != ':'
                || s.charAt(25) != ' ') {
            return null;
        }
        int day = digits(s, 5, 2);
        int year = digits(s, 12, 4);
        int hour = digits(s, 17, 2);
        int minute = digits(s, 20, 2);
        int second = digits(s, 23, 2);
        int month = month(s.substring(8, 11));
        if (day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || month == 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(59, second));
        ZoneOffset offset = gmt ? ZoneOffset.UTC : offset(s.substring(26));
        return new FeedDate(local.toInstant(offset), false);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 when any character is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static FeedDate iso(Matcher m) {
        boolean hasTime = m.group(4) != null;
        int nanos = m.group(7) == null ? 0 : fractionNanos(m.group(7));
        LocalDateTime local = dateTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), hasTime ? m.group(4) : "0", hasTime ? m.group(5) : "0", m.group(6))
                .plusNanos(nanos);
        String zone = m.group(8);
        if (zone == null) {
            return new FeedDate(local.toInstant(ZoneOffset.UTC), hasTime);
        }
        return new FeedDate(local.toInstant(offset(zone)), false);
    }

    private static FeedDate rfc822(Matcher m) {
        int month = month(m.group(2));
        if (month == 0) {
            return null;
        }
        boolean hasTime = m.group(4) != null;
        LocalDateTime local = dateTime(year(m.group(3)), month, Integer.parseInt(m.group(1)),
                hasTime ? m.group(4) : "0", hasTime ? m.group(5) : "0", m.group(6));
        return zoned(local, m.group(7), hasTime);
    }

    private static FeedDate monthFirst(Matcher m) {
        int month = month(m.group(1));
        String year = m.group(3) != null ? m.group(3) : m.group(8);
        if (month == 0 || year == null || (m.group(3) != null && m.group(8) != null)) {
            return null;
        }
        LocalDateTime local = dateTime(Integer.parseInt(year), month, Integer.parseInt(m.group(2)), m.group(4),
                m.group(5), m.group(6));
        return zoned(local, m.group(7), true);
    }

    private static FeedDate zoned(LocalDateTime local, String zone, boolean hasTime) {
        if (zone == null) {
            return new FeedDate(local.toInstant(ZoneOffset.UTC), hasTime);
        }
        String upper = zone.toUpperCase(Locale.ROOT);
        Integer minutes = NAMED_ZONES_MINUTES.get(upper);
        if (minutes != null) {
            return new FeedDate(local.toInstant(ZoneOffset.ofTotalSeconds(minutes * 60)), false);
        }
        if (upper.length() == 1 && upper.charAt(0) != 'J') {
            // RFC 5322 4.3: military zones were specified with the wrong sign; treat them as unknown (UTC).
            return new FeedDate(local.toInstant(ZoneOffset.UTC), true);
        }
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            return new FeedDate(local.toInstant(offset(zone)), false);
        }
        return null;
    }

    private static LocalDateTime dateTime(int year, int month, int day, String hour, String minute, String second) {
        int h = Integer.parseInt(hour);
        int s = second == null ? 0 : Math.min(59, Integer.parseInt(second));
        if (h == 24 && Integer.parseInt(minute) == 0 && s == 0) {
            return LocalDateTime.of(year, month, day, 0, 0).plusDays(1);
        }
        return LocalDateTime.of(year, month, day, h, Integer.parseInt(minute), s);
    }

    private static ZoneOffset offset(String zone) {
        char first = zone.charAt(0);
        if (first != '+' && first != '-') {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours;
        int minutes;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
            minutes = 0;
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        int sign = first == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        return switch (digits.length()) {
            case 2 -> y < 50 ? 2000 + y : 1900 + y;
            case 3 -> 1900 + y;
            default -> y;
        };
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        int index = MONTHS.indexOf(prefix);
        if (index < 0 || index % 3 != 0 || !isMonthSpelling(name, index / 3)) {
            return 0;
        }
        return index / 3 + 1;
    }

    private static boolean isMonthSpelling(String name, int monthIndex) {
        if (name.length() == 3) {
            return true;
        }
        String full = Month.of(monthIndex + 1).name().toLowerCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        return full.equals(lower) || (monthIndex == 8 && lower.equals("sept"));
    }

    private static int fractionNanos(String digits) {
        String nine = (digits + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }
}
