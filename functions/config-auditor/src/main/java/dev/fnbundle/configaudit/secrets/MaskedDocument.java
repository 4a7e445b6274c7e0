package dev.fnbundle.configaudit.secrets;

import dev.fnbundle.configaudit.difflib.TextLines;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The lines of one document as they may be shown. A line is masked where any of three layers says so:
 * <ol>
 *   <li>by position: the spans of secret values the parser found ({@code ParsedConfig#secretSpans}), however
 *       short the value and however it is laid out (block scalars, multi-line arrays, escaped keys);</li>
 *   <li>by shape: {@link LineMasker}, which also covers comments and documents that did not parse;</li>
 *   <li>by value: {@link SecretRedactor}, which finds the secrets of either side anywhere, escaped or not.</li>
 * </ol>
 * Line terminators are kept, so the list has the input's length and line structure. The first two layers run
 * over the whole document at once (they are linear); the third runs only on the lines that are read, once each,
 * so a large document with a small diff pays for the few lines it shows.
 */
public final class MaskedDocument extends AbstractList<String> implements RandomAccess {
    private final List<String> lines;
    private final List<List<TextSpan>> byShape;
    private final Map<Integer, List<TextSpan>> byPosition;
    private final SecretRedactor redactor;
    private final String[] shown;

    private MaskedDocument(List<String> lines, List<TextSpan> secretSpans, SecretRedactor redactor) {
        // A TextLines is immutable and copies a line out only when read: keep it, never copy all its lines.
        this.lines = lines instanceof TextLines ? lines : List.copyOf(lines);
        this.byShape = LineMasker.spans(this.lines);
        this.byPosition = perLine(this.lines, secretSpans);
        this.redactor = redactor;
        this.shown = new String[this.lines.size()];
    }

    /**
     * The masked view of a document's lines.
     *
     * @param lines       the document split with splitlines(keepends=True), so offsets run on across lines
     * @param secretSpans secret values as offsets into the whole document (the lines joined), in any order
     * @param redactor    the secret values to find anywhere
     */
    public static List<String> of(List<String> lines, List<TextSpan> secretSpans, SecretRedactor redactor) {
        return new MaskedDocument(lines, secretSpans, redactor);
    }

    @Override
    public String get(int index) {
        String line = shown[index];
        if (line == null) {
            line = render(index);
            shown[index] = line;
        }
        return line;
    }

    @Override
    public int size() {
        return lines.size();
    }

    private String render(int index) {
        String line = lines.get(index);
        int end = LineText.contentEnd(line);
        String content = line.substring(0, end);
        List<TextSpan> spans = new ArrayList<>(byShape.get(index));
        spans.addAll(byPosition.getOrDefault(index, List.of()));
        spans.addAll(redactor.find(content));
        return TextMasks.apply(content, spans) + line.substring(end);
    }

    /**
     * Cuts document spans into per-line spans of line content, by line index (only lines that have some). A
     * span's part on a line after its first starts at that line's first non-blank character, so a masked block
     * keeps its indentation.
     */
    private static Map<Integer, List<TextSpan>> perLine(List<String> lines, List<TextSpan> documentSpans) {
        Map<Integer, List<TextSpan>> out = new HashMap<>();
        if (documentSpans.isEmpty()) {
            return out;
        }
        int[] starts = starts(lines);
        List<TextSpan> sorted = new ArrayList<>(documentSpans);
        sorted.sort(Comparator.comparingInt(TextSpan::start));
        int line = 0;
        for (TextSpan span : sorted) {
            while (line < lines.size() && starts[line + 1] <= span.start()) {
                line++;
            }
            // Parsers report disjoint values, so the lines visited add up to the lines of the document.
            for (int k = line; k < lines.size() && starts[k] < span.end(); k++) {
                String text = lines.get(k);
                int from = span.start() > starts[k] ? span.start() - starts[k] : firstNonBlank(text);
                int to = Math.min(span.end() - starts[k], LineText.contentEnd(text));
                if (from < to) {
                    out.computeIfAbsent(k, x -> new ArrayList<>(1)).add(new TextSpan(from, to));
                }
            }
        }
        return out;
    }

    /** Where each line starts in the document, and its length at the end. */
    private static int[] starts(List<String> lines) {
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i + 1] = lines instanceof TextLines text ? text.end(i) : starts[i] + lines.get(i).length();
        }
        return starts;
    }

    private static int firstNonBlank(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
