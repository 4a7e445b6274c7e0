package dev.fnbundle.local.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An EventBridge cron expression: minutes, hours, day-of-month, month, day-of-week, year; with {@code , - * /},
 * {@code ?} in one of the two day fields, {@code L} (last day of the month, or {@code 5L} last Thursday),
 * {@code W} (nearest weekday, {@code 15W} or {@code LW}) and {@code #} ({@code 3#2}, the second Tuesday).
 * Month and day names (JAN, MON) are accepted; day-of-week counts 1 = Sunday, like EventBridge.
 */
record CronExpression(BitSet minutes, BitSet hours, DayRule days, BitSet months, BitSet years)
        implements ScheduleExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int LAST_YEAR = 2199;

    static CronExpression parse(String fields) {
        String[] parts = fields.trim().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException("cron(" + fields + ") needs 6 fields: minutes hours day-of-month"
                    + " month day-of-week year");
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("cron(" + fields + "): exactly one of day-of-month and day-of-week"
                    + " must be '?'");
        }
        DayRule days = domAny ? DayRule.ofWeek(parts[4]) : DayRule.ofMonth(parts[2]);
        return new CronExpression(Field.parse(parts[0], 0, 59, List.of()), Field.parse(parts[1], 0, 23, List.of()),
                days, Field.parse(parts[3], 1, 12, MONTHS), Field.parse(parts[5], 1970, LAST_YEAR, List.of()));
    }

    @Override
    public Optional<ZonedDateTime> next(ZonedDateTime start, ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (t.getYear() <= LAST_YEAR) {
            if (!years.get(t.getYear())) {
                t = t.plusYears(1).withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!days.matches(t.toLocalDate())) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!hours.get(t.getHour())) {
                t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Which days of a month match: a day-of-month rule or a day-of-week rule. */
    interface DayRule {
        boolean matches(LocalDate date);

        static DayRule ofMonth(String field) {
            if (field.equals("L")) {
                return date -> date.getDayOfMonth() == date.lengthOfMonth();
            }
            if (field.equals("LW")) {
                return date -> date.equals(nearestWeekday(date.with(TemporalAdjusters.lastDayOfMonth())));
            }
            if (field.endsWith("W")) {
                int day = Field.number(field.substring(0, field.length() - 1), 1, 31, List.of());
                return date -> day <= date.lengthOfMonth()
                        && date.equals(nearestWeekday(date.withDayOfMonth(day)));
            }
            BitSet set = Field.parse(field, 1, 31, List.of());
            return date -> set.get(date.getDayOfMonth());
        }

        static DayRule ofWeek(String field) {
            if (field.endsWith("L") && field.length() > 1) {
                DayOfWeek day = dayOfWeek(Field.number(field.substring(0, field.length() - 1), 1, 7, DAYS));
                return date -> date.equals(date.with(TemporalAdjusters.lastInMonth(day)));
            }
            if (field.contains("#")) {
                // -1 keeps empty sides, so "#", "2#" and "#2" are refused like any malformed field, not indexed
                String[] parts = field.split("#", -1);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("'" + field + "' is not DAY#N");
                }
                DayOfWeek day = dayOfWeek(Field.number(parts[0], 1, 7, DAYS));
                int nth = Field.number(parts[1], 1, 5, List.of());
                // A fifth weekday that a month lacks rolls into the next month, so it never equals a date here.
                return date -> date.equals(date.with(TemporalAdjusters.dayOfWeekInMonth(nth, day)));
            }
            BitSet set = Field.parse(field, 1, 7, DAYS);
            return date -> set.get(date.getDayOfWeek().getValue() % 7 + 1);
        }

        private static DayOfWeek dayOfWeek(int eventBridgeDay) {
            return DayOfWeek.of((eventBridgeDay + 5) % 7 + 1);
        }

        private static LocalDate nearestWeekday(LocalDate date) {
            return switch (date.getDayOfWeek()) {
                case SATURDAY -> date.getDayOfMonth() == 1 ? date.plusDays(2) : date.minusDays(1);
                case SUNDAY -> date.getDayOfMonth() == date.lengthOfMonth() ? date.minusDays(2) : date.plusDays(1);
                default -> date;
            };
        }
    }

    /** Parses one numeric field: lists, ranges, steps, '*', names. */
    static final class Field {
        private Field() {
        }

        static BitSet parse(String field, int min, int max, List<String> names) {
            BitSet set = new BitSet(max + 1);
            // -1 keeps trailing empty items: "1," is refused as EventBridge refuses it, not read as "1".
            for (String part : field.split(",", -1)) {
                int step = 1;
                String range = part;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    step = number(part.substring(slash + 1), 1, max, List.of());
                    range = part.substring(0, slash);
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] bounds = range.split("-", 2);
                    from = number(bounds[0], min, max, names);
                    to = number(bounds[1], min, max, names);
                } else {
                    from = number(range, min, max, names);
                    to = slash >= 0 ? max : from;
                }
                if (from > to) {
                    throw new IllegalArgumentException("range " + range + " runs backwards");
                }
                for (int value = from; value <= to; value += step) {
                    set.set(value);
                }
            }
            return set;
        }

        static int number(String text, int min, int max, List<String> names) {
            int index = names.indexOf(text.toUpperCase(Locale.ROOT));
            int value;
            if (index >= 0) {
                value = index + 1;
            } else {
                try {
                    value = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number between " + min + " and "
                            + max);
                }
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(value + " is outside " + min + "-" + max);
            }
            return value;
        }
    }
}
