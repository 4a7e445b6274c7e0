package dev.fnbundle.email.imap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A trust store file to use instead of the JVM's default CAs (local GreenMail's self-signed certificate).
 *
 * @param path     the file; never null
 * @param password its password; never null (may be empty)
 * @param type     the keystore type, e.g. {@code PKCS12}; never null
 */
public record TrustStore(Path path, String password, String type) {
    public TrustStore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return "TrustStore[path=" + path + ", type=" + type + "]";
    }
}
