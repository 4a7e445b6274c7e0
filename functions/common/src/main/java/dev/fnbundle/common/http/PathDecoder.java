package dev.fnbundle.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Percent-decodes one path segment ({@code +} stays a plus: that rule is for query strings only). */
final class PathDecoder {
    private PathDecoder() {
    }

    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
