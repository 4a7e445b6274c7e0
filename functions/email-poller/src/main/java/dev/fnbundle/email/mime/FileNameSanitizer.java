package dev.fnbundle.email.mime;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an attacker-chosen attachment name into one that is safe to show, store or write to disk.
 *
 * <p>Rules, applied in this order:
 * <ol>
 *   <li>null or blank input becomes the fallback name (step 10);</li>
 *   <li>directories are stripped: only the text after the last {@code /} or {@code \} is kept, so
 *       {@code ../../etc/passwd} becomes {@code passwd};</li>
 *   <li>a name of more than {@value #MAX_INPUT_CHARS} characters keeps only its first
 *       {@value #MAX_INPUT_CHARS} minus {@value #KEPT_TAIL_CHARS} and its last {@value #KEPT_TAIL_CHARS}
 *       characters (its extension), because Unicode normalization takes time quadratic in a run of combining
 *       marks: 40 000 of them took seconds, 1 MiB half an hour;</li>
 *   <li>Unicode NFC normalization;</li>
 *   <li>control characters (C0, DEL, C1) and invisible format characters (bidi overrides such as U+202E,
 *       zero-width characters) are removed;</li>
 *   <li>characters reserved on Windows ({@code < > : " | ? *}) become {@code _};</li>
 *   <li>runs of whitespace become one space; leading and trailing spaces and dots are removed (so {@code ..},
 *       hidden {@code .bashrc} and Windows' trailing-dot names cannot survive);</li>
 *   <li>a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, any case, with or without extension) gets a
 *       leading {@code _};</li>
 *   <li>names longer than {@value #MAX_LENGTH} code points are cut in the stem, keeping an extension of up to
 *       {@value #MAX_EXTENSION} alphanumeric characters;</li>
 *   <li>if nothing is left the name is {@code attachment} plus an extension guessed from the content type
 *       ({@code .bin} when unknown), so the result is never empty.</li>
 * </ol>
 * Thread-safe; linear in the length of the input.
 */
public final class FileNameSanitizer {
    /** The longest result, in code points. */
    public static final int MAX_LENGTH = 100;
    /** The longest extension kept when a name is cut. */
    public static final int MAX_EXTENSION = 10;
    /** The most characters of a name that are read at all. */
    static final int MAX_INPUT_CHARS = 1024;
    /** The characters kept from the end of a longer name, where its extension is. */
    static final int KEPT_TAIL_CHARS = 24;

    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", ".pdf",
            "text/plain", ".txt", "text/html", ".html", "text/csv", ".csv", "application/xml", ".xml",
            "image/png", ".png", "image/jpeg", ".jpg", "application/zip", ".zip", "message/rfc822", ".eml");

    /**
     * Sanitizes a file name.
     *
     * @param name        the decoded name from Content-Disposition or Content-Type; may be null
     * @param contentType the part's base MIME type, used only for the fallback name; may be null
     * @return a non-empty name obeying the rules above
     */
    public String sanitize(String name, String contentType) {
        if (name == null || name.isBlank()) {
            return fallback(contentType);
        }
        // No normalization makes or removes a / or \, so stripping directories first changes nothing.
        String cleaned = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        cleaned = Normalizer.normalize(bounded(cleaned), Normalizer.Form.NFC);
        cleaned = replaceUnsafe(cleaned).replaceAll("\\s+", " ");
        cleaned = trimSpacesAndDots(cleaned);
        if (cleaned.isEmpty()) {
            return fallback(contentType);
        }
        if (isDeviceName(cleaned)) {
            cleaned = "_" + cleaned;
        }
        return limitLength(cleaned);
    }

    private static String bounded(String name) {
        if (name.length() <= MAX_INPUT_CHARS) {
            return name;
        }
        int head = MAX_INPUT_CHARS - KEPT_TAIL_CHARS;
        int tail = name.length() - KEPT_TAIL_CHARS;
        head = Character.isHighSurrogate(name.charAt(head - 1)) ? head - 1 : head;
        tail = Character.isLowSurrogate(name.charAt(tail)) ? tail + 1 : tail;
        return name.substring(0, head) + name.substring(tail);
    }

    private static String replaceUnsafe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                return;
            }
            out.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
        });
        return out.toString();
    }

    private static String trimSpacesAndDots(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == ' ' || name.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == ' ' || name.charAt(end - 1) == '.')) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isDeviceName(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).trim();
        return DEVICE_NAMES.contains(stem.toUpperCase(Locale.ROOT));
    }

    private static String limitLength(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_LENGTH) {
            return name;
        }
        String extension = extensionOf(name);
        int stemLength = MAX_LENGTH - extension.codePointCount(0, extension.length());
        String stem = name.substring(0, name.offsetByCodePoints(0, stemLength));
        return trimSpacesAndDots(stem) + extension;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.length() - dot - 1 > MAX_EXTENSION) {
            return "";
        }
        String extension = name.substring(dot + 1);
        return extension.chars().allMatch(Character::isLetterOrDigit) ? "." + extension : "";
    }

    private static String fallback(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return "attachment" + EXTENSIONS.getOrDefault(type, ".bin");
    }
}
