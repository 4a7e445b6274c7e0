package dev.fnbundle.email.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The .eml fixtures under src/test/resources/eml. */
public final class Fixtures {
    /** Every fixture whose subject contains "invoice"; all but malformed.eml parse. */
    public static final List<String> ALL = List.of("plain-usd.eml", "alternative.eml", "subject-utf8.eml",
            "subject-latin1.eml", "attachments.eml", "no-amount.eml", "several-amounts.eml", "non-usd.eml",
            "html-only.eml", "malformed.eml");

    private Fixtures() {
    }

    /**
     * The raw bytes of a fixture.
     *
     * @param name e.g. {@code plain-usd.eml}
     * @return never null
     */
    public static byte[] eml(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/eml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
