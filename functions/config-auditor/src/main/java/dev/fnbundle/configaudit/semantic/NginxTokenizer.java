package dev.fnbundle.configaudit.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits nginx-style text into words and the punctuation {@code ; { }}. {@code #} starts a comment where a word
 * could start; single- or double-quoted strings may hold spaces and punctuation, with backslash escapes;
 * {@code ${var}} stays inside its word.
 */
final class NginxTokenizer {
    /** A token; {@code quoted} words are never punctuation. */
    record Token(String text, boolean quoted, int line, int column) {
        boolean is(char punctuation) {
            return !quoted && text.length() == 1 && text.charAt(0) == punctuation;
        }
    }

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;

    NginxTokenizer(String s) {
        this.s = s;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (skipSpaceAndComments()) {
            int column = pos - lineStart + 1;
            char c = s.charAt(pos);
            if (c == ';' || c == '{' || c == '}') {
                pos++;
                out.add(new Token(String.valueOf(c), false, line, column));
            } else if (c == '"' || c == '\'') {
                out.add(new Token(quoted(c, column), true, line, column));
            } else {
                out.add(new Token(word(), false, line, column));
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
                    int close = s.indexOf('}', pos);
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
}
