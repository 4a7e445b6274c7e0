package dev.fnbundle.configaudit.semantic;

import java.util.regex.Pattern;

/** Makes a third-party parser message safe to return: quoted document text is replaced and length is capped. */
final class SafeMessages {
    /** Possessive, and a quoted span cannot hold its own quote: one attempt per quote, linear in the message. */
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'[^'\\n]*+'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"[^\"\\n]*+\"");
    private static final int MAX_LENGTH = 160;

    private SafeMessages() {
    }

    /** Replaces every quoted span with {@code '…'}, drops anything after the first line, and caps the length. */
    static String redact(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        String firstLine = message.strip().lines().findFirst().orElse("syntax error");
        String redacted = DOUBLE_QUOTED.matcher(SINGLE_QUOTED.matcher(firstLine).replaceAll("'…'"))
                .replaceAll("\"…\"");
        return redacted.length() <= MAX_LENGTH ? redacted : redacted.substring(0, MAX_LENGTH) + "…";
    }
}
