package dev.fnbundle.local;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The runtime's class path made of plain jars, which is what an AOT cache of its JVM needs ({@link RuntimeAotCache}):
 * JDK 25 refuses to record a cache when the class path holds a non-empty directory, and Maven runs the runtime from
 * {@code infra/local/target/classes}, while DynamoDB Local's jar names {@code .} (its own directory in the Maven
 * repository) in its manifest's {@code Class-Path}. So a directory becomes a jar of its files and such a jar a copy
 * without that attribute, both under {@code target/local/runtime-lib}; every other jar stays where it is.
 *
 * <p>A jar is only rewritten when its content changes: the JVM checks a cache against each jar's size and
 * modification time, so an unchanged build must leave the jars untouched for the cache to stay usable.
 */
final class RuntimeClassPath {
    /** A fixed entry time, so that the same files always make the same bytes. */
    private static final long ENTRY_TIME = 315_532_800_000L;

    private RuntimeClassPath() {
    }

    /** The class path {@code classPath} with directories and {@code Class-Path} jars replaced, in the same order. */
    static String jarsOnly(String classPath, Path libDirectory) throws IOException {
        Files.createDirectories(libDirectory);
        var entries = new ArrayList<String>();
        var names = new ArrayList<String>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = libDirectory.resolve(uniqueName(moduleName(path) + "-classes.jar", names));
                writeIfChanged(jar, jarOf(path));
                entries.add(jar.toString());
            } else if (Files.isRegularFile(path) && hasClassPathAttribute(path)) {
                Path copy = libDirectory.resolve(uniqueName(path.getFileName().toString(), names));
                if (!Files.isRegularFile(copy) || Files.getLastModifiedTime(copy)
                        .compareTo(Files.getLastModifiedTime(path)) < 0) {
                    writeIfChanged(copy, withoutClassPath(path));
                }
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** {@code infra/local/target/classes} → {@code local}: the module's directory name. */
    private static String moduleName(Path classesDirectory) {
        Path target = classesDirectory.toAbsolutePath().normalize().getParent();
        Path module = target == null ? null : target.getParent();
        return module == null || module.getFileName() == null ? "classes" : module.getFileName().toString();
    }

    private static String uniqueName(String name, List<String> taken) {
        String unique = name;
        for (int n = 2; taken.contains(unique); n++) {
            unique = n + "-" + name;
        }
        taken.add(unique);
        return unique;
    }

    /** The directory's files as a jar: entries in name order, with a fixed time, so the bytes follow the files. */
    static byte[] jarOf(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        var bytes = new ByteArrayOutputStream();
        try (var jar = new JarOutputStream(bytes)) {
            for (Path file : files) {
                String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                var entry = new ZipEntry(name);
                entry.setTime(ENTRY_TIME);
                jar.putNextEntry(entry);
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static boolean hasClassPathAttribute(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().containsKey(Attributes.Name.CLASS_PATH);
        }
    }

    /** A copy of the jar whose manifest has no {@code Class-Path}; every other entry byte for byte. */
    static byte[] withoutClassPath(Path source) throws IOException {
        var bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(source)));
        try (var file = new JarFile(source.toFile(), false)) {
            Manifest manifest = new Manifest(file.getManifest());
            manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
            try (var jar = new JarOutputStream(bytes, manifest)) {
                var entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    var copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    jar.putNextEntry(copy);
                    try (InputStream in = file.getInputStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** Replaces {@code target} atomically, unless it already holds exactly these bytes (its time then stays). */
    private static void writeIfChanged(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == content.length
                && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(content);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
