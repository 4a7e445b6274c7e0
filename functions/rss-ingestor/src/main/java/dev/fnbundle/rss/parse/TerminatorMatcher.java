package dev.fnbundle.rss.parse;

/**
 * Finds the end marker of a comment ({@code -->}), CDATA section ({@code ]]>}) or processing instruction
 * ({@code ?>}) one character at a time, across buffer boundaries. Each marker is a repeated first character
 * followed by a closing one, which is all the backtracking it needs.
 */
final class TerminatorMatcher {
    private String marker = "";
    private int matched;

    void start(String endMarker) {
        marker = endMarker;
        matched = 0;
    }

    void reset() {
        matched = 0;
    }

    /** Feeds one character; true when it completes the marker. */
    boolean advance(char c) {
        if (c == marker.charAt(matched)) {
            matched++;
            if (matched == marker.length()) {
                matched = 0;
                return true;
            }
            return false;
        }
        // "]]]>" or "--->": an extra repeat keeps the two already matched.
        if (matched == marker.length() - 1 && matched >= 2 && c == marker.charAt(matched - 1)) {
            return false;
        }
        matched = c == marker.charAt(0) ? 1 : 0;
        return false;
    }
}
