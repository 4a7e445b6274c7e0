package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's class path as plain jars: what JDK 25 needs to record an AOT cache of the runtime's JVM, which
 * Maven's class path (a {@code target/classes} directory, DynamoDB Local's {@code Class-Path: .}) does not allow.
 */
class RuntimeClassPathTest {
    @TempDir
    Path directory;

    private Path classes;
    private Path manifestJar;
    private Path lib;

    @BeforeEach
    void aModuleDirectoryAndAJarNamingItsOwnDirectory() throws Exception {
        classes = directory.resolve("module").resolve("target").resolve("classes");
        Path source = directory.resolve("src").resolve("Hello.java");
        Files.createDirectories(source.getParent());
        String stdout = "System." + "out";
        Files.writeString(source, "public class Hello { public static void main(String[] a) {"
                + stdout + ".println(\"hello \" + Helper.NAME); } }");
        Files.writeString(source.resolveSibling("Helper.java"), "public class Helper { static final String NAME"
                + " = \"from a jar\"; }");
        Files.createDirectories(classes);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString(), source.resolveSibling("Helper.java").toString());
        assertThat(compiled).isZero();
        Files.writeString(classes.resolve("banner.txt"), "a resource", StandardCharsets.UTF_8);

        manifestJar = directory.resolve("repository").resolve("helper.jar");
        Files.createDirectories(manifestJar.getParent());
        Files.writeString(manifestJar.resolveSibling("unrelated.txt"), "the repository directory is not empty");
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, ". lib/other.jar");
        manifest.getMainAttributes().putValue("Implementation-Title", "helper");
        try (OutputStream out = Files.newOutputStream(manifestJar);
             var jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("Helper.class"));
            jar.write(Files.readAllBytes(classes.resolve("Helper.class")));
            jar.closeEntry();
        }
        Files.delete(classes.resolve("Helper.class"));
        lib = directory.resolve("lib");
    }

    @Test
    void directories_become_jars_and_class_path_attributes_are_dropped_other_entries_stay() throws Exception {
        Path plain = directory.resolve("plain.jar");
        try (var jar = new JarOutputStream(Files.newOutputStream(plain))) {
            jar.putNextEntry(new ZipEntry("x.txt"));
            jar.closeEntry();
        }

        String classPath = RuntimeClassPath.jarsOnly(String.join(File.pathSeparator, classes.toString(),
                manifestJar.toString(), plain.toString()), lib);

        assertThat(classPath.split(File.pathSeparator)).containsExactly(lib.resolve("module-classes.jar").toString(),
                lib.resolve("helper.jar").toString(), plain.toString());
        try (var jar = new JarFile(lib.resolve("module-classes.jar").toFile())) {
            assertThat(jar.getEntry("Hello.class")).isNotNull();
            assertThat(new String(jar.getInputStream(jar.getEntry("banner.txt")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("a resource");
        }
        try (var jar = new JarFile(lib.resolve("helper.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Title")).isEqualTo("helper");
            assertThat(jar.getInputStream(jar.getEntry("Helper.class")).readAllBytes())
                    .isEqualTo(helperClassBytes());
        }
    }

    @Test
    void an_unchanged_build_leaves_the_jars_untouched_so_a_cache_made_for_them_stays_usable() throws Exception {
        String classPath = String.join(File.pathSeparator, classes.toString(), manifestJar.toString());
        RuntimeClassPath.jarsOnly(classPath, lib);
        Path classesJar = lib.resolve("module-classes.jar");
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(classesJar, before);
        Files.setLastModifiedTime(classes.resolve("Hello.class"), FileTime.fromMillis(System.currentTimeMillis()));

        RuntimeClassPath.jarsOnly(classPath, lib);
        assertThat(Files.getLastModifiedTime(classesJar)).isEqualTo(before);

        Files.writeString(classes.resolve("banner.txt"), "a changed resource", StandardCharsets.UTF_8);
        RuntimeClassPath.jarsOnly(classPath, lib);
        assertThat(Files.getLastModifiedTime(classesJar)).isNotEqualTo(before);
    }

    @Test
    void the_jvm_records_an_aot_cache_with_the_new_class_path_and_runs_from_it() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches are recorded in one run from JDK 25");
        String original = String.join(File.pathSeparator, classes.toString(), manifestJar.toString());
        Path refused = directory.resolve("refused.aot");
        Path cache = directory.resolve("app.aot");

        Run withDirectory = java("-XX:AOTCacheOutput=" + refused, "-cp", original, "Hello");
        Run recorded = java("-XX:AOTCacheOutput=" + cache, "-cp", RuntimeClassPath.jarsOnly(original, lib),
                "Hello");
        Run fromCache = java("-XX:AOTCache=" + cache, "-Xlog:aot=info", "-cp",
                RuntimeClassPath.jarsOnly(original, lib), "Hello");

        assertThat(withDirectory.output()).contains("hello from a jar");
        assertThat(refused).doesNotExist();
        assertThat(recorded.status()).isZero();
        assertThat(cache).isNotEmptyFile();
        assertThat(fromCache.output()).contains("hello from a jar").doesNotContain("Unable to map shared spaces");
    }

    private byte[] helperClassBytes() throws Exception {
        try (var jar = new JarFile(manifestJar.toFile())) {
            return jar.getInputStream(jar.getEntry("Helper.class")).readAllBytes();
        }
    }

    private record Run(int status, String output) {
    }

    private Run java(String... arguments) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
