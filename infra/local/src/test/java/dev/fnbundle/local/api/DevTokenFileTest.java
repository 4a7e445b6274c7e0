package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenFileTest {
    @TempDir
    Path directory;

    @BeforeEach
    void posixOnly() {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    }

    @Test
    void the_token_file_is_created_readable_by_its_owner_only() throws Exception {
        Path file = DevTokenFile.write(directory, "token-1");

        assertThat(Files.readString(file).trim()).isEqualTo("token-1");
        assertThat(mode(file)).isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void a_world_readable_file_from_an_earlier_run_is_replaced_not_rewritten() throws Exception {
        Path old = directory.resolve(DevTokenFile.NAME);
        Files.writeString(old, "old-token");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        Object oldInode = Files.getAttribute(old, "unix:ino");

        Path file = DevTokenFile.write(directory, "new-token");

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(oldInode);
        assertThat(Files.readString(file).trim()).isEqualTo("new-token");
    }

    @Test
    void no_file_holding_the_token_is_ever_seen_with_a_wider_mode() throws Exception {
        var seen = Collections.synchronizedList(new ArrayList<String>());
        var writing = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                try (var files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        seen.add(mode(file));
                    }
                } catch (Exception e) {
                    // a file renamed away between listing and reading: nothing to see
                }
            }
        });

        for (int i = 0; i < 300; i++) {
            DevTokenFile.write(directory, "token-" + i);
        }
        writing.set(false);
        watcher.join();

        assertThat(seen).isNotEmpty().allSatisfy(mode -> assertThat(mode).isEqualTo("rw-------"));
    }

    private static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
