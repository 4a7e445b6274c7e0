package dev.fnbundle.configaudit.secrets;

/**
 * Character-level facts about one line of a configuration file that {@link LineMasker} and {@link MaskedDocument}
 * both need: where a key may start, indentation, escaped line ends, and where the content ends before Python's
 * line terminators ({@code str.splitlines} semantics). Stateless; every method runs in time linear in the line.
 */
final class LineText {
    private LineText() {
    }

    static boolean isKeyStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    static boolean endsInOddBackslashes(String s) {
        int count = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    static int indentOf(String s) {
        return indentOf(s, 0);
    }

    static int indentOf(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static int contentEnd(String line) {
        int end = line.length();
        while (end > 0 && isTerminator(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c >= '\u001c' && c <= '\u001e'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
