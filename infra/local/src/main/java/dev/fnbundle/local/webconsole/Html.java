package dev.fnbundle.local.webconsole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * A piece of markup that is safe to put in a page: the only way the browser console builds HTML. Values go in
 * through {@link #of}, which escapes everything that is not itself {@code Html}, so a table item, a queue body, a
 * log line or a mail subject can never become markup. Links are built with {@link #url}, which percent-encodes
 * every value, so a value can never choose a link's scheme ({@code javascript:}).
 */
public record Html(String markup) {
    public static final Html EMPTY = new Html("");

    /**
     * {@code template} with each {@code {}} replaced by the next value: an {@code Html} as it is, anything else
     * ({@code null} included, shown empty) escaped. The template itself must be a constant.
     *
     * @throws IllegalArgumentException when the placeholders and the values do not match in number
     */
    public static Html of(String template, Object... values) {
        var out = new StringBuilder(template.length() + 16 * values.length);
        int from = 0;
        int used = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (used == values.length) {
                throw new IllegalArgumentException("more {} than values in: " + template);
            }
            out.append(template, from, at).append(markupOf(values[used++]));
            from = at + 2;
        }
        if (used != values.length) {
            throw new IllegalArgumentException("more values than {} in: " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    /** Text as HTML: {@code & < > " '} become character references, and so do U+2028 and U+2029. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // Line and paragraph separators end a line in JavaScript source: never let one through as is.
                case '\u2028' -> out.append("&#x2028;");
                case '\u2029' -> out.append("&#x2029;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The fragments one after the other. */
    public static Html join(Collection<Html> parts) {
        var out = new StringBuilder();
        parts.forEach(part -> out.append(part.markup()));
        return new Html(out.toString());
    }

    /** Each item rendered, one after the other. */
    public static <T> Html each(Iterable<T> items, Function<T, Html> render) {
        var out = new StringBuilder();
        items.forEach(item -> out.append(render.apply(item).markup()));
        return new Html(out.toString());
    }

    /**
     * A link to one of the console's own pages: {@code path} is a constant starting with "/", {@code segment}
     * (may be null) is appended percent-encoded, and every parameter with a non-empty value is added to the query,
     * percent-encoded.
     */
    public static Html url(String path, String segment, Map<String, String> parameters) {
        return url(path, segment, "", parameters);
    }

    /** A link as {@link #url(String, String, Map)}, with a constant {@code suffix} after the segment. */
    public static Html url(String path, String segment, String suffix, Map<String, String> parameters) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("console links are absolute paths: " + path);
        }
        var out = new StringBuilder(path);
        if (segment != null) {
            out.append(encode(segment).replace("+", "%20"));
        }
        out.append(suffix);
        char separator = '?';
        for (var parameter : parameters.entrySet()) {
            if (parameter.getValue() != null && !parameter.getValue().isEmpty()) {
                out.append(separator).append(encode(parameter.getKey())).append('=')
                        .append(encode(parameter.getValue()));
                separator = '&';
            }
        }
        return new Html(escape(out.toString()));
    }

    /** A link to a page with a query. */
    public static Html url(String path, Map<String, String> parameters) {
        return url(path, null, parameters);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String markupOf(Object value) {
        return value instanceof Html html ? html.markup() : escape(value == null ? null : String.valueOf(value));
    }

    @Override
    public String toString() {
        return markup;
    }
}
