package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import dev.fnbundle.embedded.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./local} starts the runtime's JVM straight away when no source changed since Maven last started it, and
 * builds through {@code ./mvnw -Plocal} otherwise. Run here on a copy of the script in a scratch checkout whose
 * {@code java} and {@code mvnw} only say how they were called.
 */
class LocalLauncherScriptTest {
    private static final Path SCRIPT = LocalAws.repositoryRoot().resolve("local");
    private static final Instant LAUNCHED = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path checkout;

    @BeforeEach
    void aBuiltCheckout() throws IOException {
        Files.copy(SCRIPT, checkout.resolve("local"));
        executable("mvnw", "echo maven \"$@\"");
        executable("fake-java", "echo java \"$@\"");
        for (String source : new String[] {"pom.xml", ".mvn/maven.config", "functions/orders/src/main/A.java",
                "functions/orders/src/test/ATest.java", "functions/orders/target/classes/A.class",
                "infra/embedded/pom.xml", "infra/local/src/main/B.java"}) {
            write(source, Instant.parse("2026-01-01T11:00:00Z"));
        }
        Files.writeString(write("target/local/launch.java", LAUNCHED), checkout.resolve("fake-java") + "\n");
        write("target/local/launch.args", LAUNCHED);
    }

    @Test
    void with_nothing_changed_since_the_last_maven_start_the_jvm_starts_without_maven() throws Exception {
        assertThat(run("start", "--watch")).isEqualTo("java @target/local/launch.args start --watch");
    }

    @Test
    void with_the_runtimes_aot_cache_made_the_jvm_starts_from_it_and_keeps_quiet_if_the_jvm_refuses_it()
            throws Exception {
        write("target/local/runtime.aot", LAUNCHED);

        assertThat(run("start")).isEqualTo("java -XX:AOTCache=" + checkout.toRealPath().resolve(
                "target/local/runtime.aot") + " -Xlog:aot*=off -Xlog:cds*=off @target/local/launch.args start");
    }

    @Test
    void without_arguments_it_starts_the_stack() throws Exception {
        assertThat(run()).isEqualTo("java @target/local/launch.args start");
    }

    @Test
    void a_source_saved_after_maven_started_makes_it_build_through_maven() throws Exception {
        write("functions/orders/src/main/A.java", LAUNCHED.plusSeconds(1));

        assertThat(run("start", "--watch")).isEqualTo("maven -Plocal -Dlocal.args=start --watch");
    }

    @Test
    void a_changed_pom_makes_it_build_through_maven() throws Exception {
        write("infra/embedded/pom.xml", LAUNCHED.plusSeconds(1));

        assertThat(run()).startsWith("maven -Plocal");
    }

    @Test
    void tests_and_build_output_newer_than_the_start_do_not_need_a_build() throws Exception {
        write("functions/orders/src/test/ATest.java", LAUNCHED.plusSeconds(1));
        write("functions/orders/target/classes/A.class", LAUNCHED.plusSeconds(1));

        assertThat(run()).startsWith("java @");
    }

    @Test
    void a_checkout_never_started_builds_through_maven() throws Exception {
        Files.delete(checkout.resolve("target/local/launch.args"));

        assertThat(run()).startsWith("maven -Plocal");
    }

    private String run(String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("sh", checkout.resolve("local").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private Path write(String relative, Instant modified) throws IOException {
        Path file = checkout.resolve(relative);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private void executable(String name, String body) throws IOException {
        Path file = checkout.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
