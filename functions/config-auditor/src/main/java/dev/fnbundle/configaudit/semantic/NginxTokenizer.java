package dev.fnbundle.configaudit.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits nginx-style text into words and the punctuation {@code ; { }}. {@code #} starts a comment where a word
 * could start; single- or double-quoted strings may hold spaces and punctuation, with backslash escapes;
 * {@code ${var}} stays inside its word. Linear in the text: a {@code ${} whose closing brace was already looked
 * for in vain is not looked for again.
 */
final class NginxTokenizer {
    /**
     * A token; {@code quoted} words are never punctuation.
     *
     * @param start offset of its first character in the text (the opening quote of a quoted word)
     * @param end   offset one past its last character (past the closing quote)
     */
    record Token(String text, boolean quoted, int line, int column, int start, int end) {
        boolean is(char punctuation) {
            return !quoted && text.length() == 1 && text.charAt(0) == punctuation;
        }
    }

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** No '}' closes a '${' between a failed search's start and this offset (a blank or the end of the text). */
    private int noBraceBefore = -1;

    NginxTokenizer(String s) {
        this.s = s;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (skipSpaceAndComments()) {
            int column = pos - lineStart + 1;
            int start = pos;
            char c = s.charAt(pos);
            if (c == ';' || c == '{' || c == '}') {
                pos++;
                out.add(new Token(String.valueOf(c), false, line, column, start, pos));
            } else if (c == '"' || c == '\'') {
                String text = quoted(c, column);
                out.add(new Token(text, true, line, column, start, pos));
            } else {
                String text = word();
                out.add(new Token(text, false, line, column, start, pos));
            }
        }
        return out;
    }

    private boolean skipSpaceAndComments() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                advance(c);
            } else {
                return true;
            }
        }
        return false;
    }

    private void advance(char c) {
        pos++;
        if (c == '\n') {
            line++;
            lineStart = pos;
        }
    }

    private String quoted(char quote, int column) {
        int startLine = line;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == quote) {
                pos++;
                return sb.toString();
            }
            if (c == '\\' && pos + 1 < s.length()) {
                char next = s.charAt(pos + 1);
                sb.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                advance(c);
                advance(next);
                continue;
            }
            sb.append(c);
            advance(c);
        }
        throw new ConfigParseException(ConfigFormat.NGINX, startLine, column, "unterminated quoted string");
    }

    private String word() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == ';' || c == '{' || c == '}' || c == '"' || c == '\'') {
                if (c == '{' && pos > start && s.charAt(pos - 1) == '$') {
                    int close = variableEnd(pos);
                    if (close > 0) {
                        pos = close + 1;
                        continue;
                    }
                }
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    /**
     * The '}' closing the {@code ${} at {@code open}, or -1. A variable name holds no blank, so the search stops
     * at one (which also keeps line counting right); a failed search is remembered, so text full of unclosed
     * {@code ${} is still read in linear time.
     */
    private int variableEnd(int open) {
        if (open < noBraceBefore) {
            return -1;
        }
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '}') {
                return i;
            }
            if (Character.isWhitespace(c)) {
                noBraceBefore = i;
                return -1;
            }
        }
        noBraceBefore = s.length();
        return -1;
    }
}
