package dev.fnbundle.configaudit.api;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.service.Precondition;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Baseline versions as HTTP entity tags: version 3 is the strong ETag {@code "3"}. Reads the preconditions of a
 * baseline write: {@code If-Match: "3"} (or a list, or {@code *}) to replace, {@code If-None-Match: *} to create
 * only. Comparison is strong, as RFC 9110 requires for If-Match: a weak tag never matches.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /** The ETag header value of a version. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The precondition the headers state.
     *
     * @throws InvalidFieldsException naming the header (a 400) when it is malformed, or when both are given
     */
    public static Precondition precondition(Optional<String> ifMatch, Optional<String> ifNoneMatch) {
        if (ifMatch.isPresent() && ifNoneMatch.isPresent()) {
            throw new InvalidFieldsException("If-None-Match", "give either If-Match (to replace a version) or"
                    + " If-None-Match: * (to create), not both");
        }
        if (ifNoneMatch.isPresent()) {
            if (!ifNoneMatch.get().strip().equals("*")) {
                throw new InvalidFieldsException("If-None-Match", "only * (create if absent) is supported here");
            }
            return new Precondition.CreateOnly();
        }
        if (ifMatch.isEmpty()) {
            return new Precondition.None();
        }
        String value = ifMatch.get().strip();
        if (value.equals("*")) {
            return new Precondition.IfMatch(true, Set.of());
        }
        return new Precondition.IfMatch(false, versions(value));
    }

    /** The versions named by strong tags of an entity-tag list; other tags cannot match and are skipped. */
    private static Set<Long> versions(String list) {
        Set<Long> versions = new HashSet<>();
        int i = 0;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = list.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= list.length() || list.charAt(open) != '"') {
                throw malformed();
            }
            int close = list.indexOf('"', open + 1);
            if (close < 0) {
                throw malformed();
            }
            if (!weak && isVersion(list, open + 1, close)) {
                versions.add(Long.parseLong(list, open + 1, close, 10));
            }
            i = close + 1;
        }
        if (i == 0) {
            throw malformed();
        }
        return versions;
    }

    /** Whether {@code text[from, to)} is a version: 1 to 18 digits, no leading zero (no regex compiled per tag). */
    private static boolean isVersion(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 18 || text.charAt(from) < '1' || text.charAt(from) > '9') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static InvalidFieldsException malformed() {
        return new InvalidFieldsException("If-Match", "must be * or quoted entity tags, e.g. \"3\" (the ETag of the"
                + " version being replaced)");
    }
}
