package dev.fnbundle.embedded.template;

/**
 * The template uses something the local runtime cannot run. The message names the construct and where it is,
 * so the user knows what to change (or what to report).
 */
public final class UnsupportedTemplateException extends RuntimeException {
    public UnsupportedTemplateException(String message) {
        super(message);
    }
}
