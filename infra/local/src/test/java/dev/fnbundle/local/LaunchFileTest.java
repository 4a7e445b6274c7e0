package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument file {@code ./local} hands to {@code java}, read back by a real JVM. */
class LaunchFileTest {
    @TempDir
    Path directory;

    @Test
    void arguments_with_spaces_quotes_and_backslashes_reach_the_jvm_unchanged() throws Exception {
        String value = "C:\\\\dir with spaces\\\\\"quoted\"\\\\end";
        Path argumentFile = directory.resolve("launch.args");
        Files.writeString(argumentFile, LaunchFile.argumentFile(List.of("-Dprobe=" + value,
                "-XshowSettings:properties", "-version")), StandardCharsets.UTF_8);

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argumentFile).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).isZero();
        assertThat(output).contains("probe = " + value);
    }

    @Test
    void an_argument_file_reads_back_as_the_arguments_it_was_written_from() {
        List<String> arguments = List.of("-Dx=C:\\dir with spaces\\\"q\"", "-cp", "/a.jar:/b c.jar", "Main");

        assertThat(LaunchFile.readArgumentFile(LaunchFile.argumentFile(arguments))).isEqualTo(arguments);
    }

    @Test
    void nothing_is_written_when_maven_did_not_start_the_runtime() {
        LaunchFile.writeIfStartedByMaven(directory);

        assertThat(directory).isEmptyDirectory();
    }
}
