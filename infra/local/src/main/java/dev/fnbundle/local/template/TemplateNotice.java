package dev.fnbundle.local.template;

/**
 * Something in the template the local runtime cannot run, and where it is.
 *
 * @param where   the template path, e.g. {@code Resources.OrdersApiFunction.Properties.Layers}
 * @param message what happens locally instead
 */
public record TemplateNotice(String where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
