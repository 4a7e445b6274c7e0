package dev.fnbundle.local;

/**
 * A problem the user can fix (a missing zip, a port in use, an unsupported template construct): the runtime
 * prints its message as one line, without a stack trace, and exits non-zero.
 */
public final class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
