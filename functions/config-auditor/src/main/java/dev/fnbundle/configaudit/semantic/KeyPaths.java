package dev.fnbundle.configaudit.semantic;

/**
 * Builds key paths: {@code a.b} for nested names, {@code a[0]} for list items, and {@code a["x.y"]} for a name
 * that is empty or contains {@code .}, {@code [}, {@code ]}, {@code "}, a backslash or surrounding whitespace,
 * so that distinct keys always give distinct paths.
 */
final class KeyPaths {
    private KeyPaths() {
    }

    /** The path of child {@code name} under {@code parent} (empty parent means top level). */
    static String child(String parent, String name) {
        String segment = segment(name);
        if (parent.isEmpty()) {
            return segment;
        }
        return segment.startsWith("[") ? parent + segment : parent + "." + segment;
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A name as a path segment, quoted when it could be mistaken for path syntax. */
    static String segment(String name) {
        return needsQuotes(name) ? quoted(name) : name;
    }

    /** Always the bracketed, quoted form {@code ["name"]}, with {@code "} and backslash escaped. */
    static String quoted(String name) {
        StringBuilder sb = new StringBuilder("[\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append("\"]").toString();
    }

    private static boolean needsQuotes(String name) {
        if (name.isEmpty() || Character.isWhitespace(name.charAt(0))
                || Character.isWhitespace(name.charAt(name.length() - 1))) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
