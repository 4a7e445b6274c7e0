package dev.fnbundle.local.webconsole;

import com.sun.net.httpserver.HttpExchange;
import dev.fnbundle.local.api.HttpExchanges;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to the browser console: its path below {@code /_local/console/}, its query and form values, and the
 * answers with the console's security headers. Every answer carries a strict Content-Security-Policy (scripts and
 * styles from this origin only, nothing inline, no plugins, no framing, no {@code <base>}), and none is cached.
 */
final class ConsoleExchange {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'";
    /** The header a console page's script adds to every action: a cross-site form cannot send it. */
    static final String TOKEN_HEADER = "X-Console-Token";
    private static final int MAX_FORM_BYTES = 512 * 1024;
    private static final int MAX_QUERY_CHARS = 8 * 1024;

    private final HttpExchange exchange;
    private final String path;
    private final Map<String, String> query;
    private int status = 200;

    ConsoleExchange(HttpExchange exchange, String path) {
        this.exchange = exchange;
        this.path = path;
        this.query = decode(exchange.getRequestURI().getRawQuery(), MAX_QUERY_CHARS);
    }

    HttpExchange raw() {
        return exchange;
    }

    /** The path below the console's root, without leading slash ("" for the overview). */
    String path() {
        return path;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    /** A query parameter, or "" when absent. */
    String query(String name) {
        return query.getOrDefault(name, "");
    }

    Map<String, String> query() {
        return query;
    }

    /**
     * True when the request carries the page's token in {@link #TOKEN_HEADER} and no browser marked it as
     * cross-site: the same-origin proof every action needs on top of the Host and Origin checks.
     */
    boolean provesSameOrigin(String token) {
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** The request's form values ({@code application/x-www-form-urlencoded}); empty when over the limit. */
    Map<String, String> form() throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            throw new FormTooLargeException();
        }
        return decode(new String(body, StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    /** Makes the page that follows answer with another status (a page that explains a client's mistake). */
    void status(int code) {
        this.status = code;
    }

    void page(Html page) throws IOException {
        secure();
        HttpExchanges.send(exchange, status, "text/html; charset=utf-8", page.markup());
    }

    void json(int status, Object value) throws IOException {
        secure();
        HttpExchanges.json(exchange, status, value);
    }

    void problem(int status, String title, String detail) throws IOException {
        secure();
        HttpExchanges.problem(exchange, status, title, detail);
    }

    void redirect(String location) throws IOException {
        secure();
        exchange.getResponseHeaders().set("location", location);
        HttpExchanges.send(exchange, 302, null, new byte[0]);
    }

    void asset(String contentType, byte[] body) throws IOException {
        secure();
        HttpExchanges.send(exchange, 200, contentType, body);
    }

    /** The headers every console answer carries. */
    void secure() {
        var headers = exchange.getResponseHeaders();
        headers.set("content-security-policy", CSP);
        headers.set("x-content-type-options", "nosniff");
        headers.set("x-frame-options", "DENY");
        headers.set("referrer-policy", "no-referrer");
        headers.set("cache-control", "no-store");
        headers.set("cross-origin-opener-policy", "same-origin");
        headers.set("cross-origin-resource-policy", "same-origin");
    }

    /** Decodes {@code a=1&b=2}; a repeated name keeps its values joined by newlines (the chosen messages). */
    static Map<String, String> decode(String raw, int maxChars) {
        var values = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty() || raw.length() > maxChars) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            values.merge(name, value, (first, next) -> first + "\n" + next);
        }
        return values;
    }

    /** A form body over the limit. */
    static final class FormTooLargeException extends IOException {
        FormTooLargeException() {
            super("the form is larger than " + MAX_FORM_BYTES + " bytes");
        }
    }
}
