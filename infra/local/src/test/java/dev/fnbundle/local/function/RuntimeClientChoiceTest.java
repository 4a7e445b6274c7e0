package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeClientChoiceTest {
    @TempDir
    Path work;

    @Test
    void the_native_library_is_chosen_by_cpu_and_c_library() {
        assertThat(RuntimeClientChoice.nativeLibraryName("amd64", false))
                .isEqualTo("libaws-lambda-jni.linux-x86_64.so");
        assertThat(RuntimeClientChoice.nativeLibraryName("aarch64", false))
                .isEqualTo("libaws-lambda-jni.linux-aarch_64.so");
        assertThat(RuntimeClientChoice.nativeLibraryName("amd64", true))
                .isEqualTo("libaws-lambda-jni.linux_musl-x86_64.so");
        assertThat(RuntimeClientChoice.nativeLibraryName("aarch64", true))
                .isEqualTo("libaws-lambda-jni.linux_musl-aarch_64.so");
    }

    @Test
    void the_ric_gets_its_library_unpacked_byte_for_byte_into_the_work_directory() throws Exception {
        var client = RuntimeClientChoice.choose("ric", Path.of(System.getProperty("fnbundle.ric")), null, work);

        String option = client.jvmOptions().getFirst();
        assertThat(option).startsWith("-D" + RuntimeClientChoice.RIC_LIBRARY_PROPERTY + "="
                + work.resolve("ric-native"));
        Path library = Path.of(option.substring(option.indexOf('=') + 1));
        assertThat(files(library.getParent())).containsExactly(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(entry(client.classpath(), library.getFileName()));
    }

    @Test
    void unpacking_again_replaces_the_file_whole() throws Exception {
        Path ric = Path.of(System.getProperty("fnbundle.ric"));
        Path first = libraryOption(RuntimeClientChoice.choose("ric", ric, null, work));
        Object before = Files.readAttributes(first, "unix:ino").get("ino");

        Path second = libraryOption(RuntimeClientChoice.choose("ric", ric, null, work));

        assertThat(second).isEqualTo(first);
        // A new inode: a JVM that mapped the old file keeps it intact.
        assertThat(Files.readAttributes(second, "unix:ino").get("ino")).isNotEqualTo(before);
        assertThat(files(second.getParent())).containsExactly(second);
    }

    @Test
    void the_portable_client_needs_no_options() {
        var client = RuntimeClientChoice.choose("portable", null,
                Path.of(System.getProperty("fnbundle.portable.client")), work);

        assertThat(client.jvmOptions()).isEmpty();
    }

    private static Path libraryOption(RuntimeClientChoice client) {
        return Path.of(client.jvmOptions().getFirst().split("=", 2)[1]);
    }

    private static List<Path> files(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static byte[] entry(List<Path> jars, Path name) throws Exception {
        for (Path jar : jars) {
            try (var zip = new ZipFile(jar.toFile())) {
                var entry = zip.getEntry("jni/" + name);
                if (entry != null) {
                    return zip.getInputStream(entry).readAllBytes();
                }
            }
        }
        throw new AssertionError("no jni/" + name);
    }
}
