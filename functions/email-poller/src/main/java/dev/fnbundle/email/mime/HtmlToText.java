package dev.fnbundle.email.mime;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Converts an HTML body to plain text that keeps the line structure of tables and blocks, so that a label such
 * as "Total" and the amount in the next cell stay on one line, and the next row starts a new line.
 *
 * <p>Scripts, styles and the head are dropped; table cells are separated by a tab, block elements and
 * {@code <br>} start a new line; whitespace inside text is collapsed as a browser would. Thread-safe.
 */
public final class HtmlToText {
    private static final Set<String> LINE_BREAKING = Set.of("br", "p", "div", "tr", "li", "ul", "ol", "table",
            "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "blockquote", "pre",
            "hr", "dt", "dd", "address");

    /**
     * Converts HTML to text.
     *
     * @param html the HTML source; null is treated as empty
     * @return the text, lines separated by {@code \n}, without leading or trailing blank lines; never null
     */
    public String convert(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select("script, style, head, noscript, template").remove();
        TextCollector collector = new TextCollector();
        NodeTraversor.traverse(collector, document.body());
        return collector.text();
    }

    private static final class TextCollector implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendCollapsed(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (LINE_BREAKING.contains(tag)) {
                    newLine();
                } else if (("td".equals(tag) || "th".equals(tag)) && element.elementSiblingIndex() > 0) {
                    trimTrailingSpace();
                    out.append('\t');
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && LINE_BREAKING.contains(element.normalName())) {
                newLine();
            }
        }

        private void appendCollapsed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean space = Character.isWhitespace(c) || c == '\u00a0';
                if (!space) {
                    out.append(c);
                } else if (!out.isEmpty() && !endsWithSeparator()) {
                    out.append(c == '\u00a0' ? '\u00a0' : ' ');
                }
            }
        }

        private boolean endsWithSeparator() {
            char last = out.charAt(out.length() - 1);
            return last == ' ' || last == '\n' || last == '\t';
        }

        private void trimTrailingSpace() {
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }

        private void newLine() {
            trimTrailingSpace();
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        String text() {
            return out.toString().strip();
        }
    }
}
