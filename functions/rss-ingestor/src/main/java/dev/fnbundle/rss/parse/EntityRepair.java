package dev.fnbundle.rss.parse;

import dev.fnbundle.rss.model.WarningCode;
import java.io.IOException;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * Decides what an {@code &} in text or an attribute value becomes, without expanding anything: the five XML
 * entities and valid character references pass through; an HTML named entity becomes numeric references to its
 * characters; a reference to a character XML forbids is dropped; anything else is a literal {@code &}.
 */
final class EntityRepair {
    static final int MAX_NAME = 32;
    static final int LOOKAHEAD = MAX_NAME + 16;

    /**
     * @param passThrough characters to copy unchanged (0 when replaced)
     * @param consumed    characters to skip when replaced
     * @param replacement what to emit instead, or null to emit nothing
     * @param warning     the defect found, or null
     */
    record Result(int passThrough, int consumed, String replacement, WarningCode warning, String message) {
        static Result pass(int length) {
            return new Result(length, 0, null, null, null);
        }
    }

    private static final Result BARE = new Result(0, 1, "&amp;", WarningCode.BARE_AMPERSAND,
            "'&' not starting an entity kept as text");

    private EntityRepair() {
    }

    /** Examines the reference at {@code window.pos}, which holds an {@code &}. */
    static Result at(CharWindow window) throws IOException {
        window.ensure(LOOKAHEAD);
        char[] buf = window.buf;
        int nameStart = window.pos + 1;
        if (nameStart < window.limit && buf[nameStart] == '#') {
            return numeric(window);
        }
        int nameEnd = nameStart;
        while (nameEnd < window.limit && nameEnd - nameStart <= MAX_NAME && CharWindow.isNameChar(buf[nameEnd])) {
            nameEnd++;
        }
        boolean terminated = nameEnd > nameStart && nameEnd < window.limit && buf[nameEnd] == ';'
                && CharWindow.isNameStart(buf[nameStart]);
        if (!terminated) {
            return BARE;
        }
        if (isPredefined(buf, nameStart, nameEnd - nameStart)) {
            return Result.pass(nameEnd + 1 - window.pos);
        }
        String name = new String(buf, nameStart, nameEnd - nameStart);
        if (!Entities.isNamedEntity(name)) {
            return new Result(0, 1, "&amp;", WarningCode.BARE_AMPERSAND, "unknown entity &" + name
                    + "; kept as text");
        }
        int[] codepoints = new int[2];
        int count = Entities.codepointsForName(name, codepoints);
        StringBuilder replacement = new StringBuilder(16);
        for (int i = 0; i < count; i++) {
            replacement.append("&#").append(codepoints[i]).append(';');
        }
        return new Result(0, nameEnd + 1 - window.pos, replacement.toString(), WarningCode.HTML_ENTITY,
                "HTML entity &" + name + "; replaced by its character (no DTD declares it)");
    }

    private static Result numeric(CharWindow window) {
        char[] buf = window.buf;
        int i = window.pos + 2;
        boolean hex = i < window.limit && buf[i] == 'x';
        int digitsStart = hex ? i + 1 : i;
        int end = digitsStart;
        while (end < window.limit && end - digitsStart < 8 && Character.digit(buf[end], hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == digitsStart || end >= window.limit || buf[end] != ';') {
            return BARE;
        }
        int codepoint = Integer.parseInt(new String(buf, digitsStart, end - digitsStart), hex ? 16 : 10);
        if (isXmlChar(codepoint)) {
            return Result.pass(end + 1 - window.pos);
        }
        return new Result(0, end + 1 - window.pos, null, WarningCode.INVALID_CHARACTER, String.format(Locale.ROOT,
                "character reference to U+%04X, which XML forbids, dropped", codepoint));
    }

    private static boolean isPredefined(char[] buf, int start, int length) {
        return switch (length) {
            case 2 -> (buf[start] == 'l' || buf[start] == 'g') && buf[start + 1] == 't';
            case 3 -> buf[start] == 'a' && buf[start + 1] == 'm' && buf[start + 2] == 'p';
            case 4 -> new String(buf, start, 4).equals("quot") || new String(buf, start, 4).equals("apos");
            default -> false;
        };
    }

    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
