package dev.fnbundle.local.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --watch} compiles only the files that changed when no other file can compile differently, and the whole
 * module otherwise: a deleted file, a changed signature, a changed constant, a nameable class gone.
 */
class IncrementalBuildTest {
    private static final String SHOP = """
            package demo;

            public final class Shop {
                public static final int LIMIT = 3;

                public static String greet(String name) {
                    return "hello " + name;
                }

                private static int secret() {
                    return 1;
                }
            }
            """;
    private static final String USER = """
            package demo;

            final class User {
                String line() {
                    return Shop.greet("ann") + Shop.LIMIT;
                }
            }
            """;

    @TempDir
    Path directory;
    private final ModuleCompiler compiler = new ModuleCompiler();
    private ProjectLayout.Module module;
    private Path running;

    @BeforeEach
    void buildTheRunningVersion() throws IOException {
        module = new ProjectLayout.Module("demo", directory.resolve("functions/demo"),
                directory.resolve("functions/demo/target/demo.zip"));
        write("Shop.java", SHOP);
        write("User.java", USER);
        Files.createDirectories(module.resources());
        Files.writeString(module.resources().resolve("note.txt"), "first");
        running = directory.resolve("running");
        assertThat(compiler.compile(module, List.of(), running, 21).succeeded()).isTrue();
    }

    @Test
    void a_changed_method_body_compiles_that_file_alone_and_keeps_the_other_classes() throws IOException {
        Path shop = write("Shop.java", SHOP.replace("\"hello \"", "\"bonjour \""));

        var outcome = build(List.of(shop));

        assertThat(outcome.needsWholeModule()).as(outcome.wholeModuleBecause()).isFalse();
        assertThat(outcome.result().succeeded()).isTrue();
        assertThat(outcome.result().compiledFiles()).isEqualTo(1);
        assertThat(outcome.result().moduleFiles()).isEqualTo(2);
        Path version = directory.resolve("version");
        assertThat(Files.readAllBytes(version.resolve("demo/User.class")))
                .isEqualTo(Files.readAllBytes(running.resolve("demo/User.class")));
        assertThat(new String(Files.readAllBytes(version.resolve("demo/Shop.class")),
                java.nio.charset.StandardCharsets.ISO_8859_1)).contains("bonjour ");
        assertThat(version.resolve("note.txt")).hasContent("first");
    }

    @Test
    void a_changed_private_member_is_not_a_signature_change() throws IOException {
        Path shop = write("Shop.java", SHOP.replace("return 1;", "return 2 + LIMIT;"));

        assertThat(build(List.of(shop)).needsWholeModule()).isFalse();
    }

    @Test
    void a_changed_resource_is_copied_without_compiling() throws IOException {
        Path note = module.resources().resolve("note.txt");
        Files.writeString(note, "second");

        var outcome = build(List.of(note));

        assertThat(outcome.needsWholeModule()).isFalse();
        assertThat(outcome.result().compiledFiles()).isZero();
        assertThat(directory.resolve("version/note.txt")).hasContent("second");
        assertThat(directory.resolve("version/demo/Shop.class")).exists();
    }

    @Test
    void a_changed_signature_needs_the_whole_module() throws IOException {
        Path shop = write("Shop.java", SHOP.replace("greet(String name)", "greet(CharSequence name)"));

        var outcome = build(List.of(shop));

        assertThat(outcome.wholeModuleBecause()).isEqualTo("the signature of demo.Shop changed");
    }

    @Test
    void a_changed_constant_needs_the_whole_module_as_its_users_copied_it() throws IOException {
        Path shop = write("Shop.java", SHOP.replace("LIMIT = 3", "LIMIT = 4"));

        assertThat(build(List.of(shop)).wholeModuleBecause()).isEqualTo("the signature of demo.Shop changed");
    }

    @Test
    void a_deleted_file_needs_the_whole_module() throws IOException {
        Path user = module.sources().resolve("demo/User.java");
        Files.delete(user);

        assertThat(IncrementalBuild.beforeCompiling(module, List.of(user), running))
                .hasValue("src/main/java/demo/User.java was deleted or renamed");
    }

    @Test
    void an_editors_temporary_file_that_came_and_went_is_no_reason_for_the_whole_module() throws IOException {
        Path shop = write("Shop.java", SHOP.replace("\"hello \"", "\"hi \""));
        Path partial = module.sources().resolve("demo/Shop.java.partial");
        Path backup = module.sources().resolve("demo/Shop.java~");
        Path draft = module.sources().resolve("demo/Draft.java");

        var outcome = build(List.of(partial, backup, draft, shop));

        assertThat(outcome.needsWholeModule()).as(outcome.wholeModuleBecause()).isFalse();
        assertThat(outcome.result().compiledFiles()).isEqualTo(1);
    }

    @Test
    void a_compile_error_is_reported_with_the_file_and_line() throws IOException {
        Path shop = write("Shop.java", SHOP.replace("return \"hello \" + name;", "return nme;"));

        var outcome = build(List.of(shop));

        assertThat(outcome.result().succeeded()).isFalse();
        assertThat(outcome.result().messages()).contains("Shop.java:7: error: cannot find symbol");
    }

    private IncrementalBuild.Outcome build(List<Path> changed) throws IOException {
        Path version = Files.createDirectories(directory.resolve("version"));
        assertThat(IncrementalBuild.beforeCompiling(module, changed, running)).isEmpty();
        return IncrementalBuild.build(compiler, module, changed, running, version, List.of(), 21);
    }

    private Path write(String name, String text) throws IOException {
        Path file = module.sources().resolve("demo").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
