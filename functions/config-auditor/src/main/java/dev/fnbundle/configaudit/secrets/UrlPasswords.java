package dev.fnbundle.configaudit.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the password in the user-info of every URL in a text, in one pass (a scanner, not a regular expression:
 * the pattern it replaced took quadratic time on long runs of scheme characters).
 *
 * <p>After each {@code ://}, the user name runs to the first {@code :}; no {@code /}, {@code ?}, {@code #}, blank,
 * quote, {@code <} or {@code >} may come first (then the URL has no password). The password runs from that colon
 * to the <em>last</em> {@code @} before the URL ends at a blank, a quote, {@code <}, {@code >} or the end of the
 * text. So a password may hold {@code @}, {@code /} or {@code :} written raw ({@code postgres://app:p@ss/w:rd@db}),
 * as people write them though RFC 3986 says to percent-encode them. The price is over-masking in rare URLs that
 * have a port and an {@code @} later in their path or query; a password is never shown.
 */
public final class UrlPasswords {
    private UrlPasswords() {
    }

    /** The password spans, in order, never overlapping; empty passwords are not reported. O(text length). */
    public static List<TextSpan> find(String text) {
        List<TextSpan> spans = new ArrayList<>();
        int n = text.length();
        int regionFrom = -1;
        int regionEnd = -1;
        int regionLastAt = -1;
        int from = 0;
        int separator;
        while ((separator = text.indexOf("://", from)) >= 0) {
            int colon = userEnd(text, separator + 3);
            from = separator + 1;
            if (colon < 0) {
                continue;
            }
            if (colon < regionFrom || colon >= regionEnd) {
                // The URL's end and its last '@' are found once per blank-free region and reused by every '://'
                // inside it, so a region full of '://' is still read once.
                regionFrom = colon;
                regionEnd = colon;
                regionLastAt = -1;
                while (regionEnd < n && !endsUrl(text.charAt(regionEnd))) {
                    if (text.charAt(regionEnd) == '@') {
                        regionLastAt = regionEnd;
                    }
                    regionEnd++;
                }
            }
            if (regionLastAt > colon + 1) {
                spans.add(new TextSpan(colon + 1, regionLastAt));
                from = regionLastAt + 1;
            }
        }
        return spans;
    }

    /** The colon ending the user name that starts at {@code from}, or -1 when the URL has no user-info colon. */
    private static int userEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i;
            }
            if (c == '/' || c == '?' || c == '#' || endsUrl(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>';
    }
}
