package dev.fnbundle.configaudit.api;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.report.DiffHunk;
import dev.fnbundle.configaudit.report.HtmlSideBySide;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps response bodies inside Lambda's 6 MB response payload, which counts the body once more JSON-escaped
 * inside the response envelope: a 5 MB config rewritten in full gives a report (and a diff, and a page) far
 * larger than that. Over the budget, the JSON view drops the diff and shortens its lists, the unified diff is cut
 * at a line with a closing {@code \ diff truncated} line, and the page shows the first rows with a notice.
 * Nothing is silently cut: each answer says it was truncated.
 */
public final class ResponseBudget {
    /** Leaves ~1.2 MB of Lambda's 6 MB for headers, the envelope and a margin. */
    public static final long DEFAULT_BYTES = 5_000_000;
    private static final int[] LIST_CUTS = {10_000, 1_000, 100, 10, 0};

    private final long maxBytes;

    public ResponseBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The view itself when it fits, else a truncated one that does. */
    public AuditView fit(AuditView full) {
        if (fits(Json.write(full))) {
            return full;
        }
        for (int n : LIST_CUTS) {
            AuditView cut = full.truncated(n);
            if (n == 0 || fits(Json.write(cut))) {
                return cut;
            }
        }
        throw new IllegalStateException("unreachable: the last cut is returned");
    }

    /** A unified diff within the budget: whole lines, then a {@code \ diff truncated} line when cut. */
    public String fitText(String diff) {
        if (fits(diff)) {
            return diff;
        }
        long total = diff.chars().filter(c -> c == '\n').count();
        long budget = maxBytes - 200;
        long used = 0;
        int end = 0;
        long lines = 0;
        while (end < diff.length()) {
            int next = diff.indexOf('\n', end);
            int lineEnd = next < 0 ? diff.length() : next + 1;
            long size = escapedSize(diff, end, lineEnd);
            if (used + size > budget) {
                break;
            }
            used += size;
            end = lineEnd;
            lines++;
        }
        return diff.substring(0, end) + "\\ diff truncated: " + lines + " of " + total
                + " lines shown (response size limit); the audit's counts are complete\n";
    }

    /** The side-by-side page within the budget: all rows, or the first ones under a title saying how many. */
    public String fitHtml(StoredAudit audit) {
        var report = audit.report();
        String from = "baseline/" + report.name();
        String to = "current/" + report.name();
        String title = "Config drift: " + report.name();
        String page = HtmlSideBySide.render(title, from, to, report.hunks());
        long size = escapedSize(page, 0, page.length());
        int rows = report.hunks().stream().mapToInt(h -> h.rows().size()).sum();
        int keep = rows;
        while (size > maxBytes && keep > 0) {
            keep = (int) Math.min(keep - 1L, (long) (keep * (maxBytes * 0.9 / size)));
            page = HtmlSideBySide.render(title + " (truncated: first " + keep + " of " + rows + " rows shown)", from,
                    to, firstRows(report.hunks(), keep));
            size = escapedSize(page, 0, page.length());
        }
        return page;
    }

    private static List<DiffHunk> firstRows(List<DiffHunk> hunks, int rows) {
        var kept = new ArrayList<DiffHunk>();
        int left = rows;
        for (DiffHunk hunk : hunks) {
            if (left <= 0) {
                break;
            }
            kept.add(hunk.rows().size() <= left ? hunk : new DiffHunk(hunk.header(), hunk.rows().subList(0, left)));
            left -= hunk.rows().size();
        }
        return kept;
    }

    private boolean fits(String body) {
        return escapedSize(body, 0, body.length()) <= maxBytes;
    }

    /** UTF-8 bytes of {@code s[from, to)} once escaped as a JSON string (as the response envelope holds it). */
    static long escapedSize(String s, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x20) {
                bytes += c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f' ? 2 : 6;
            } else if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 6 : 3;
            }
        }
        return bytes;
    }
}
