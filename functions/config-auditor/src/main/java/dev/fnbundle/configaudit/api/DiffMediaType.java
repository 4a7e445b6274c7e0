package dev.fnbundle.configaudit.api;

import java.util.Locale;
import java.util.Optional;

/** What {@code GET /audits/{id}/diff} can answer, and the choice between them from an {@code Accept} header. */
public enum DiffMediaType {
    /** The side-by-side page. */
    HTML("text/html"),
    /** The unified diff. */
    PLAIN("text/plain");

    private final String mediaType;

    DiffMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The best type for an {@code Accept} header (RFC 9110 section 12.5.1): each type gets the weight of the most
     * specific range that matches it; the higher non-zero weight wins, text/plain on a tie (so a bare
     * {@code *}{@code /*}, as curl sends, gets the diff, and a browser, which prefers text/html, the page). An
     * absent header accepts anything.
     *
     * @return empty when neither type is acceptable (406)
     */
    public static Optional<DiffMediaType> choose(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(PLAIN);
        }
        double plain = weight(accept, PLAIN.mediaType);
        double html = weight(accept, HTML.mediaType);
        if (plain <= 0 && html <= 0) {
            return Optional.empty();
        }
        return Optional.of(html > plain ? HTML : PLAIN);
    }

    private static double weight(String accept, String type) {
        int bestSpecificity = -1;
        double weight = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts.length == 0) {
                // A range of nothing but semicolons: nothing to match (split drops the empty pieces).
                continue;
            }
            String mediaRange = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = mediaRange.equals(type) ? 2
                    : mediaRange.equals(type.substring(0, type.indexOf('/')) + "/*") ? 1
                    : mediaRange.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                weight = quality(parts);
            }
        }
        return weight;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2).strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
