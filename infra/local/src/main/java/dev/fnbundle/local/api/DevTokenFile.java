package dev.fnbundle.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the development token where scripts read it ({@code target/local/dev-token}), readable by its owner
 * only from the first byte: the token goes into a new file created with mode 600 (permissions set by the
 * {@code open} call itself, never changed afterwards), which then replaces the old file in one rename. There is
 * no moment at which the token sits in a file others can read, and a file left by an earlier run with wider
 * permissions is replaced, not rewritten.
 */
public final class DevTokenFile {
    /** The file's name in the work directory. */
    public static final String NAME = "dev-token";

    private DevTokenFile() {
    }

    /** Writes {@code token} (and a line break) to {@code directory/dev-token}; returns the file. */
    public static Path write(Path directory, String token) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(NAME);
            Path partial = Files.createTempFile(directory, NAME, ".partial", ownerOnly());
            try {
                Files.writeString(partial, token + System.lineSeparator(), StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev token to " + directory, e);
        }
    }

    /** rw------- where the file system has POSIX permissions; elsewhere (Windows) the user profile's ACL applies. */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")),
        };
    }
}
