package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fnbundle.local.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the runtime's own AOT cache is made: for the launch file {@code ./local} uses, once, again only when the JDK
 * or a jar of its class path changes. The training JVM here runs a small program in place of the runtime (the
 * launch file names it), so the test exercises the mechanism, not the runtime's start.
 */
class RuntimeAotCacheTest {
    @TempDir
    Path work;

    private Path appJar;
    private final ByteArrayOutputStream consoleText = new ByteArrayOutputStream();
    private Console console;

    @BeforeEach
    void aLaunchFileNamingAProgramThatExitsWhenTrained() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches are recorded in one run from JDK 25");
        Path source = work.resolve("src").resolve("Trained.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "public class Trained { public static void main(String[] args) {"
                + " System.exit(args.length == 1 && args[0].equals(\"" + RuntimeAotCache.TRAINING_COMMAND
                + "\") ? 0 : 3); } }");
        Path classes = work.resolve("classes");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString())).isZero();
        appJar = work.resolve("app.jar");
        try (var jar = new JarOutputStream(Files.newOutputStream(appJar))) {
            jar.putNextEntry(new ZipEntry("Trained.class"));
            jar.write(Files.readAllBytes(classes.resolve("Trained.class")));
            jar.closeEntry();
        }
        Files.writeString(work.resolve(LaunchFile.JAVA),
                Path.of(System.getProperty("java.home"), "bin", "java") + "\n");
        Files.writeString(work.resolve(LaunchFile.ARGUMENTS), LaunchFile.argumentFile(List.of("-Xmx64m", "-cp",
                appJar.toString(), "Trained")), StandardCharsets.UTF_8);
        console = new Console(new PrintStream(consoleText, true, StandardCharsets.UTF_8), false, false);
    }

    @Test
    void without_a_cache_one_is_trained_once_and_put_in_place() throws Exception {
        var cache = new RuntimeAotCache(work);
        assertThat(cache.stale()).isTrue();

        cache.trainIfStale(console);

        assertThat(cache.cache()).isNotEmptyFile();
        assertThat(cache.stale()).isFalse();
        assertThat(consoleText.toString(StandardCharsets.UTF_8)).contains("made the runtime's AOT cache");
        assertThat(work.resolve("runtime.aot.training.log")).doesNotExist();
    }

    @Test
    void a_jar_of_the_class_path_rebuilt_makes_the_cache_stale_again() throws Exception {
        var cache = new RuntimeAotCache(work);
        cache.trainIfStale(console);

        Files.setLastModifiedTime(appJar, FileTime.fromMillis(Files.getLastModifiedTime(appJar).toMillis() + 5_000));

        assertThat(cache.stale()).isTrue();
    }

    @Test
    void nothing_is_trained_without_a_launch_file() throws Exception {
        Files.delete(work.resolve(LaunchFile.ARGUMENTS));
        var cache = new RuntimeAotCache(work);

        cache.trainIfStale(console);

        assertThat(cache.stale()).isFalse();
        assertThat(cache.cache()).doesNotExist();
    }

    @Test
    void a_training_run_that_fails_leaves_no_cache_and_keeps_its_log() throws Exception {
        Files.writeString(work.resolve(LaunchFile.ARGUMENTS), LaunchFile.argumentFile(List.of("-cp",
                appJar.toString(), "NoSuchMainClass")), StandardCharsets.UTF_8);
        var cache = new RuntimeAotCache(work);

        cache.trainIfStale(console);

        assertThat(cache.cache()).doesNotExist();
        assertThat(cache.stale()).isTrue();
        assertThat(work.resolve("runtime.aot.training.log")).content().contains("NoSuchMainClass");
    }
}
