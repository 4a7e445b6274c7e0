package dev.fnbundle.configaudit.report;

import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.OpcodeTag;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import java.util.List;

/**
 * A side-by-side HTML report in the spirit of Python's {@code HtmlDiff.make_file(..., context=True)}: one table
 * per hunk, line numbers, removed lines red, added green, and the changed characters of a changed line
 * highlighted when the paired lines are at least half similar. The page is self-contained (inline CSS, no
 * scripts, a CSP that forbids loading anything) and all text is HTML-escaped. Not byte-compatible with HtmlDiff.
 */
public final class HtmlSideBySide {
    /** Longer changed lines are not highlighted character by character, which would cost O(n^2) at worst. */
    static final int MAX_HIGHLIGHT_LENGTH = 2000;
    /** Paired lines less similar than this are shown whole, without character highlights. */
    static final double MIN_HIGHLIGHT_RATIO = 0.5;
    /** U+2400, where the printable symbols for C0 control characters start. */
    private static final char CONTROL_PICTURES = '\u2400';

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#1f2328}
            h1{font-size:1.3em}
            table{border-collapse:collapse;width:100%;margin-bottom:1.2em;table-layout:fixed}
            th{background:#eef1f4;text-align:left;padding:.3em .5em;font-weight:600}
            td{font-family:ui-monospace,Consolas,monospace;font-size:.85em;line-height:1.45;padding:0 .5em;\
            vertical-align:top;\
            white-space:pre-wrap;word-break:break-all}
            td.n{width:4em;text-align:right;color:#6e7781;background:#f6f8fa}
            tr.hunk td{background:#ddf4ff;color:#0969da}
            td.removed,td.changed-from{background:#ffebe9}
            td.added,td.changed-to{background:#e6ffec}
            span.chg{background:#ffd8b5;border-radius:2px}
            p.none{color:#1a7f37;font-weight:600}
            """;

    private HtmlSideBySide() {
    }

    /**
     * Renders the page. Null labels render as empty; hunks must be non-null (empty renders "No differences").
     *
     * @return a complete UTF-8 HTML document
     */
    public static String render(String title, String fromLabel, String toLabel, List<DiffHunk> hunks) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n<title>").append(escape(title)).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        if (hunks.isEmpty()) {
            html.append("<p class=\"none\">No differences.</p>\n");
        }
        for (DiffHunk hunk : hunks) {
            appendHunk(html, fromLabel, toLabel, hunk);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void appendHunk(StringBuilder html, String fromLabel, String toLabel, DiffHunk hunk) {
        html.append("<table>\n<colgroup><col style=\"width:4em\"><col><col style=\"width:4em\"><col></colgroup>\n")
                .append("<thead><tr><th></th><th>").append(escape(fromLabel)).append("</th><th></th><th>")
                .append(escape(toLabel)).append("</th></tr></thead>\n<tbody>\n<tr class=\"hunk\"><td colspan=\"4\">")
                .append(escape(hunk.header())).append("</td></tr>\n");
        for (DiffRow row : hunk.rows()) {
            appendRow(html, row);
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void appendRow(StringBuilder html, DiffRow row) {
        String fromClass = switch (row.kind()) {
            case CHANGED -> "changed-from";
            case REMOVED -> "removed";
            default -> "";
        };
        String toClass = switch (row.kind()) {
            case CHANGED -> "changed-to";
            case ADDED -> "added";
            default -> "";
        };
        String[] cells = row.kind() == DiffRowKind.CHANGED ? highlighted(row.fromText(), row.toText())
                : new String[] {escape(row.fromText()), escape(row.toText())};
        html.append("<tr class=\"").append(row.kind().label()).append("\"><td class=\"n\">")
                .append(row.fromLine() == 0 ? "" : row.fromLine()).append("</td><td class=\"").append(fromClass)
                .append("\">").append(cells[0]).append("</td><td class=\"n\">")
                .append(row.toLine() == 0 ? "" : row.toLine()).append("</td><td class=\"").append(toClass)
                .append("\">").append(cells[1]).append("</td></tr>\n");
    }

    private static String[] highlighted(String from, String to) {
        if (from.length() > MAX_HIGHLIGHT_LENGTH || to.length() > MAX_HIGHLIGHT_LENGTH) {
            return new String[] {escape(from), escape(to)};
        }
        SequenceMatcher<Integer> matcher = SequenceMatcher.ofCodePoints(from, to);
        if (matcher.ratio() < MIN_HIGHLIGHT_RATIO) {
            // Unrelated lines that merely share a row: marking their few common characters would only be noise.
            return new String[] {escape(from), escape(to)};
        }
        List<Opcode> ops = matcher.opcodes();
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (Opcode op : ops) {
            appendSpan(a, from, op.i1(), op.i2(), op.tag() != OpcodeTag.EQUAL);
            appendSpan(b, to, op.j1(), op.j2(), op.tag() != OpcodeTag.EQUAL);
        }
        return new String[] {a.toString(), b.toString()};
    }

    private static void appendSpan(StringBuilder sb, String s, int cpStart, int cpEnd, boolean changed) {
        if (cpStart == cpEnd) {
            return;
        }
        int start = s.offsetByCodePoints(0, cpStart);
        int end = s.offsetByCodePoints(start, cpEnd - cpStart);
        String text = escape(s.substring(start, end));
        sb.append(changed ? "<span class=\"chg\">" + text + "</span>" : text);
    }

    /** Escapes {@code & < > " '} and shows other C0 controls as their Unicode pictures; null becomes "". */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < ' ' && c != '\t' ? (char) (CONTROL_PICTURES + c) : c);
            }
        }
        return sb.toString();
    }
}
