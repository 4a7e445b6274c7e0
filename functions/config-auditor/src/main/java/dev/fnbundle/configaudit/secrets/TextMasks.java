package dev.fnbundle.configaudit.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Renders a text with spans replaced by {@link SecretPolicy#MASK}: overlapping or touching spans become one mask. */
final class TextMasks {
    private TextMasks() {
    }

    /** The spans sorted, with overlapping and touching ones merged and empty ones dropped. O(k log k). */
    static List<TextSpan> merge(List<TextSpan> spans) {
        if (spans.isEmpty()) {
            return spans;
        }
        List<TextSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(TextSpan::start));
        List<TextSpan> merged = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (TextSpan s : sorted) {
            if (s.isEmpty()) {
                continue;
            }
            if (start >= 0 && s.start() <= end) {
                end = Math.max(end, s.end());
            } else {
                if (start >= 0) {
                    merged.add(new TextSpan(start, end));
                }
                start = s.start();
                end = s.end();
            }
        }
        if (start >= 0) {
            merged.add(new TextSpan(start, end));
        }
        return merged;
    }

    /** The text with every (merged, non-empty) span replaced by the mask; spans must lie within the text. */
    static String apply(String text, List<TextSpan> spans) {
        List<TextSpan> merged = merge(spans);
        if (merged.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int copied = 0;
        for (TextSpan s : merged) {
            sb.append(text, copied, s.start()).append(SecretPolicy.MASK);
            copied = s.end();
        }
        return sb.append(text, copied, text.length()).toString();
    }
}
