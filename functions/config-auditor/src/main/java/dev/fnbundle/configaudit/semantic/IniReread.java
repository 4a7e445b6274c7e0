package dev.fnbundle.configaudit.semantic;

/** The signals on which {@link IniParser} reads a document again in a slower mode; they never leave the parser. */
final class IniReread {
    private IniReread() {
    }

    /**
     * A path came again (or the key limit is near) while reading in place or in the unique mode: read it again
     * counting repetitions. Thrown without a stack trace; never leaves the parser.
     */
    static final class RepeatedPath extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RepeatedPath INSTANCE = new RepeatedPath();

        private RepeatedPath() {
            super(null, null, false, false);
        }
    }

    /**
     * A section or key holds a '.' while reading in place: read the document again putting each key. Thrown
     * without a stack trace; never leaves the parser.
     */
    static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}
