package dev.fnbundle.email.mime;

/** Where the text body of a message came from. */
public enum BodySource {
    /** A text/plain part, the preferred source. */
    TEXT_PLAIN,
    /** A text/html part converted to text because no text/plain part exists. */
    HTML,
    /** The message has no inline text part; the body is empty. */
    NONE
}
