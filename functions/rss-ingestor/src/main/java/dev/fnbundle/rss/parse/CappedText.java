package dev.fnbundle.rss.parse;

import javax.xml.stream.XMLStreamReader;

/** A text buffer that stops growing at a cap and remembers that it did. */
final class CappedText {
    private final int cap;
    private final StringBuilder text = new StringBuilder(64);
    private boolean truncated;

    CappedText(int cap) {
        this.cap = cap;
    }

    boolean truncated() {
        return truncated;
    }

    void append(char[] chars, int start, int length) {
        int room = cap - text.length();
        if (length > room) {
            truncated = true;
        }
        text.append(chars, start, Math.max(0, Math.min(length, room)));
    }

    void appendEscaped(char[] chars, int start, int length) {
        for (int i = start; i < start + length && !truncated; i++) {
            char c = chars[i];
            switch (c) {
                case '<' -> appendRaw("&lt;");
                case '>' -> appendRaw("&gt;");
                case '&' -> appendRaw("&amp;");
                default -> appendRaw(c);
            }
        }
    }

    /** Re-serializes a start tag with its attributes (prefixes dropped, values escaped). */
    void appendStartTag(XMLStreamReader reader) {
        appendRaw('<');
        appendRaw(reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            appendRaw(' ');
            appendRaw(reader.getAttributeLocalName(i));
            appendRaw("=\"");
            String value = reader.getAttributeValue(i);
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                switch (c) {
                    case '"' -> appendRaw("&quot;");
                    case '<' -> appendRaw("&lt;");
                    case '&' -> appendRaw("&amp;");
                    default -> appendRaw(c);
                }
            }
            appendRaw('"');
        }
        appendRaw('>');
    }

    void appendEndTag(String localName) {
        appendRaw("</");
        appendRaw(localName);
        appendRaw('>');
    }

    private void appendRaw(String s) {
        if (text.length() + s.length() > cap) {
            truncated = true;
            return;
        }
        text.append(s);
    }

    private void appendRaw(char c) {
        if (text.length() >= cap) {
            truncated = true;
            return;
        }
        text.append(c);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
