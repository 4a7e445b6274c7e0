package dev.fnbundle.local.function;

import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The unpacked code of function zips under {@code <work>/code}: one directory per zip content (its SHA-256), shared
 * by every function of the zip and never changed once made, so an instance keeps reading the code it started with
 * while newer code is unpacked beside it. A zip rebuilt with the same content (the build's zips are reproducible)
 * is not unpacked again. {@code --watch} adds versions of its own ({@link #newVersion}). Thread-safe.
 */
public final class TaskRoots {
    private final Path directory;
    private final Map<String, Path> byContent = new ConcurrentHashMap<>();
    private final Map<Path, Fingerprint> fingerprints = new ConcurrentHashMap<>();

    /** A zip's identity as last hashed: re-hashed only when its size or modification time changes. */
    private record Fingerprint(long size, FileTime modified, String sha256) {
    }

    public TaskRoots(Path workDirectory) {
        this.directory = workDirectory.resolve("code");
    }

    /**
     * The task root holding {@code zip}'s current content, unpacked now if it is not yet.
     *
     * @throws UserFacingException when the zip does not exist (the build has not run)
     */
    public Path of(Path zip, String function) {
        if (!Files.isRegularFile(zip)) {
            throw new UserFacingException("function " + function + ": CodeUri " + zip + " does not exist;"
                    + " build the zips first with ./mvnw -DskipTests package");
        }
        try {
            String hash = sha256(zip);
            String name = stem(zip) + "-" + hash.substring(0, 16);
            return byContent.computeIfAbsent(name, n -> unpack(zip, directory.resolve(n)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip, e);
        }
    }

    /** The SHA-256 of a zip's bytes (hex). */
    public String sha256(Path zip) throws IOException {
        long size = Files.size(zip);
        FileTime modified = Files.getLastModifiedTime(zip);
        Fingerprint known = fingerprints.get(zip);
        if (known != null && known.size() == size && known.modified().equals(modified)) {
            return known.sha256();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(zip)) {
            byte[] buffer = new byte[256 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        fingerprints.put(zip, new Fingerprint(size, modified, hash));
        return hash;
    }

    /**
     * A new, empty directory for a version of a zip's code that {@code --watch} builds (its classes compiled in
     * place, its jars linked from the version it replaces).
     */
    public Path newVersion(Path zip) {
        try {
            Files.createDirectories(directory);
            return Files.createTempDirectory(directory, stem(zip) + "-watch-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a code directory under " + directory, e);
        }
    }

    /** Deletes every version but {@code kept}: called when nothing runs older code. */
    public void prune(Set<Path> kept) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> versions = Files.list(directory)) {
            for (Path version : versions.toList()) {
                if (!kept.contains(version)) {
                    deleteTree(version);
                    byContent.values().remove(version);
                }
            }
        } catch (IOException e) {
            // a version left behind costs disk space only; the next start tries again
        }
    }

    private static String stem(Path zip) {
        String name = zip.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /** Unpacks into a fresh directory and renames it into place, so a version directory is always complete. */
    private Path unpack(Path zip, Path target) {
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempDirectory(directory, ".unpacking-");
            try {
                unzip(zip, partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // made by another runtime on the same work directory meanwhile: the same content
            } finally {
                if (Files.exists(partial)) {
                    deleteTree(partial);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("zip entry escapes the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(entries, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes {@code directory} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
