package dev.fnbundle.orders.graph;

/**
 * Skips a JSON number for {@link JsonLexer}: a graph never accepts one, so only its extent and its syntax errors
 * (with the lexer's positions) matter.
 */
final class JsonNumber {
    private JsonNumber() {
    }

    /** Consumes {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, or {@code -Infinity}, at the lexer. */
    static void skip(JsonLexer lexer) {
        if (lexer.peek() == '-') {
            lexer.pos++;
            if (lexer.peek() == 'I') {
                lexer.literal("Infinity");
                return;
            }
        }
        if (lexer.peek() == '0') {
            lexer.pos++;
        } else if (digits(lexer) == 0) {
            throw lexer.error("expecting a value");
        }
        if (lexer.peek() == '.') {
            lexer.pos++;
            if (digits(lexer) == 0) {
                throw lexer.error("expecting digits after the decimal point");
            }
        }
        int e = lexer.peek();
        if (e == 'e' || e == 'E') {
            lexer.pos++;
            int sign = lexer.peek();
            if (sign == '+' || sign == '-') {
                lexer.pos++;
            }
            if (digits(lexer) == 0) {
                throw lexer.error("expecting digits in the exponent");
            }
        }
    }

    private static int digits(JsonLexer lexer) {
        int count = 0;
        for (int c = lexer.peek(); c >= '0' && c <= '9'; c = lexer.peek()) {
            lexer.pos++;
            count++;
        }
        return count;
    }
}
