package dev.fnbundle.email.imap;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A trust store file to use instead of the JVM's default CAs (local GreenMail's self-signed certificate, or an
 * IMAPS server with a private CA).
 *
 * @param path     the file; never null
 * @param password gives its password (may be empty) when the store is first loaded, not before: in AWS it is read
 *                 from Secrets Manager then; never null
 * @param type     the keystore type, e.g. {@code PKCS12}; never null
 */
public record TrustStore(Path path, Supplier<String> password, String type) {
    public TrustStore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A trust store whose password is known now (local runs, tests).
     *
     * @param password never null (may be empty)
     */
    public TrustStore(Path path, String password, String type) {
        this(path, constant(Objects.requireNonNull(password, "password")), type);
    }

    private static Supplier<String> constant(String password) {
        return () -> password;
    }

    /**
     * The same store with its password from elsewhere.
     *
     * @param source gives the password when the store is loaded; never null
     * @return never null
     */
    public TrustStore withPassword(Supplier<String> source) {
        return new TrustStore(path, source, type);
    }

    @Override
    public String toString() {
        return "TrustStore[path=" + path + ", type=" + type + "]";
    }
}
