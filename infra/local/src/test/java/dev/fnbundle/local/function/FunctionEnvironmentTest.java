package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.template.FunctionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment a function JVM starts with. */
class FunctionEnvironmentTest {
    @TempDir
    Path work;

    @Test
    void glibc_keeps_freed_memory_so_each_event_does_not_fault_its_buffers_in_again() {
        var env = launcher().environment(function(Map.of()), work, "127.0.0.1:9001", 1);

        assertThat(env).containsEntry("GLIBC_TUNABLES",
                "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456");
    }

    @Test
    void the_templates_own_glibc_tunables_win() {
        var env = launcher().environment(function(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=2")), work,
                "127.0.0.1:9001", 1);

        assertThat(env).containsEntry("GLIBC_TUNABLES", "glibc.malloc.arena_max=2");
    }

    @Test
    void nothing_of_the_runtimes_own_environment_leaks_in() {
        var env = launcher().environment(function(Map.of()), work, "127.0.0.1:9001", 1);

        assertThat(env).doesNotContainKeys("HOME", "USER", "JAVA_HOME", "MAVEN_OPTS")
                .containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "fn");
    }

    private FunctionLauncher launcher() {
        var client = new RuntimeClientChoice("portable", "Main", List.of(), List.of());
        return new FunctionLauncher(work, client, Map.of("AWS_REGION", "eu-west-1"), "000000000000",
                EnvironmentOverrides.none(), AotCaches.off(work), DebugSettings.NONE);
    }

    private static FunctionSpec function(Map<String, String> environment) {
        return new FunctionSpec("Fn", "fn", Path.of("fn.zip"), "a.Handler::handleRequest", "java21", 512, 10,
                environment, 0, List.of());
    }
}
