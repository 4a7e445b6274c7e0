package dev.fnbundle.orders.graph;

/** Field paths as a client reads them: {@code graph.myapp[1]}, or {@code graph["my.app"]} for unusual names. */
final class JsonPaths {
    /** Names longer than this are shortened in paths, so an error never echoes a huge input back. */
    private static final int MAX_SHOWN = 64;

    private JsonPaths() {
    }

    static String member(String parent, String name) {
        if (!name.isEmpty() && name.length() <= MAX_SHOWN && isPlain(name)) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
        String shown = name.length() <= MAX_SHOWN ? name : name.substring(0, MAX_SHOWN) + "...";
        return parent + "[" + quoted(shown) + "]";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static boolean isPlain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '$';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
