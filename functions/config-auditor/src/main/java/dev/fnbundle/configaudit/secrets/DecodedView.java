package dev.fnbundle.configaudit.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * A line read through one escaping convention, with the raw range each decoded character came from, so that a
 * secret found in the decoded text can be masked in the raw one. Views: backslash escapes (JSON {@code \u0077}
 * and {@code \/}, YAML double-quoted {@code \x77}, {@code \U00000077}, properties {@code \:}), percent-encoding
 * ({@code %40}, UTF-8 sequences included) and YAML single-quoting ({@code ''}). One pass per view; a view is only
 * made when the line holds its escape character.
 */
final class DecodedView {
    final String text;
    private final int[] rawStart;
    private final int[] rawEnd;

    private DecodedView(String text, int[] rawStart, int[] rawEnd) {
        this.text = text;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
    }

    /** The raw range of decoded characters {@code [from, to)}, {@code from < to}. */
    TextSpan raw(int from, int to) {
        return new TextSpan(rawStart[from], rawEnd[to - 1]);
    }

    /** The decoded readings of a line that differ from it (possibly none). */
    static List<DecodedView> of(String raw) {
        List<DecodedView> views = new ArrayList<>(3);
        if (raw.indexOf('\\') >= 0) {
            views.add(backslashes(raw));
        }
        if (raw.indexOf('%') >= 0) {
            views.add(percents(raw));
        }
        if (raw.contains("''")) {
            views.add(singleQuotes(raw));
        }
        return views;
    }

    private static DecodedView backslashes(String raw) {
        Builder b = new Builder(raw.length());
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                b.add(c, i, i + 1);
                i++;
                continue;
            }
            char d = raw.charAt(i + 1);
            int hexDigits = d == 'u' ? 4 : d == 'U' ? 8 : d == 'x' ? 2 : 0;
            int code = hexDigits > 0 ? hex(raw, i + 2, hexDigits) : -1;
            if (code >= 0 && Character.isValidCodePoint(code)) {
                int end = i + 2 + hexDigits;
                for (char ch : Character.toChars(code)) {
                    b.add(ch, i, end);
                }
                i = end;
            } else {
                b.add(simpleEscape(d), i, i + 2);
                i += 2;
            }
        }
        return b.build();
    }

    private static char simpleEscape(char d) {
        return switch (d) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'v' -> '\u000b';
            case 'e' -> '\u001b';
            case '_' -> '\u00a0';
            case 'N' -> '\u0085';
            case 'L' -> '\u2028';
            case 'P' -> '\u2029';
            default -> d;
        };
    }

    private static DecodedView percents(String raw) {
        Builder b = new Builder(raw.length());
        int n = raw.length();
        int i = 0;
        while (i < n) {
            int first = raw.charAt(i) == '%' ? hex(raw, i + 1, 2) : -1;
            if (first < 0) {
                b.add(raw.charAt(i), i, i + 1);
                i++;
            } else if (first < 0x80) {
                b.add((char) first, i, i + 3);
                i += 3;
            } else {
                i = utf8(raw, i, first, b);
            }
        }
        return b.build();
    }

    /** Decodes one percent-encoded UTF-8 sequence starting at {@code i}; a malformed one is kept as it is. */
    private static int utf8(String raw, int i, int lead, Builder b) {
        int length = lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0;
        int code = length == 4 ? lead & 0x07 : length == 3 ? lead & 0x0f : lead & 0x1f;
        for (int k = 1; k < length; k++) {
            int at = i + 3 * k;
            int next = at < raw.length() && raw.charAt(at) == '%' ? hex(raw, at + 1, 2) : -1;
            if (next < 0x80 || next > 0xbf) {
                length = 0;
                break;
            }
            code = code << 6 | next & 0x3f;
        }
        if (length == 0 || !Character.isValidCodePoint(code) || code >= 0xd800 && code < 0xe000) {
            b.add('%', i, i + 1);
            return i + 1;
        }
        int end = i + 3 * length;
        for (char ch : Character.toChars(code)) {
            b.add(ch, i, end);
        }
        return end;
    }

    private static DecodedView singleQuotes(String raw) {
        Builder b = new Builder(raw.length());
        int n = raw.length();
        int i = 0;
        while (i < n) {
            if (raw.charAt(i) == '\'' && i + 1 < n && raw.charAt(i + 1) == '\'') {
                b.add('\'', i, i + 2);
                i += 2;
            } else {
                b.add(raw.charAt(i), i, i + 1);
                i++;
            }
        }
        return b.build();
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1. */
    private static int hex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            value = value << 4 | d;
        }
        return value;
    }

    private static final class Builder {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[Math.max(capacity, 1)];
            ends = new int[Math.max(capacity, 1)];
        }

        void add(char c, int rawFrom, int rawTo) {
            int at = text.length();
            if (at == starts.length) {
                starts = java.util.Arrays.copyOf(starts, at * 2);
                ends = java.util.Arrays.copyOf(ends, at * 2);
            }
            text.append(c);
            starts[at] = rawFrom;
            ends[at] = rawTo;
        }

        DecodedView build() {
            return new DecodedView(text.toString(), starts, ends);
        }
    }
}
