package dev.fnbundle.orders.packages;

/**
 * A version, specifier or requirement string does not follow the supported PEP 440 / PEP 508 syntax. The message
 * says what is wrong without repeating the input; callers attach the field path.
 */
public final class VersionSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionSyntaxException(String reason) {
        super(reason);
    }
}
