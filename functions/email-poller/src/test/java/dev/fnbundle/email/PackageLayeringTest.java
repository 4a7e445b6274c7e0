package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module keeps order-resolver's shape, read from the main sources: the root package holds the handlers and
 * their wiring, no subpackage reaches up into it, the core packages know neither the Lambda API nor the AWS SDK
 * (only {@code aws/} does, and the wiring that builds the clients), and no test fake ships in the zip.
 */
class PackageLayeringTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "fnbundle", "email");
    private static final String ROOT = "dev.fnbundle.email.";
    private static final String LAMBDA = "com.amazonaws.services.lambda";
    private static final String SDK = "software.amazon.awssdk";
    /** A fully qualified root type anywhere, a Javadoc link included. */
    private static final Pattern ROOT_TYPE = Pattern.compile("\\bdev\\.fnbundle\\.email\\.[A-Z]");

    private record Source(Path path, String packageName, List<String> imports, String text) {
        String name() {
            return path.getFileName().toString();
        }

        boolean inRoot() {
            return packageName.equals("dev.fnbundle.email");
        }
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(PackageLayeringTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source read(Path path) {
        try {
            String text = Files.readString(path);
            String packageName = text.lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow()
                    .substring("package ".length()).replace(";", "").strip();
            List<String> imports = text.lines().filter(l -> l.startsWith("import "))
                    .map(l -> l.substring("import ".length()).replace("static ", "").replace(";", "").strip())
                    .toList();
            return new Source(path, packageName, imports, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a name is a type of the root package itself (not of a subpackage). */
    private static boolean namesRootType(String name) {
        return name.startsWith(ROOT) && Character.isUpperCase(name.charAt(ROOT.length()));
    }

    @Test
    void no_subpackage_imports_or_names_a_type_of_the_root_package() {
        var upward = sources().stream().filter(s -> !s.inRoot())
                .filter(s -> s.imports().stream().anyMatch(PackageLayeringTest::namesRootType)
                        || ROOT_TYPE.matcher(s.text()).find())
                .map(s -> s.packageName() + "." + s.name()).toList();

        assertThat(upward).isEmpty();
    }

    @Test
    void core_packages_import_neither_the_lambda_api_nor_the_aws_sdk() {
        var offenders = sources().stream().filter(s -> !s.inRoot() && !s.packageName().endsWith(".aws"))
                .filter(s -> s.imports().stream().anyMatch(i -> i.startsWith(LAMBDA) || i.startsWith(SDK)))
                .map(s -> s.packageName() + "." + s.name()).toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void in_the_root_only_handlers_see_the_lambda_api_and_only_wiring_builds_sdk_clients() {
        var root = sources().stream().filter(Source::inRoot).toList();

        assertThat(root).filteredOn(s -> s.imports().stream().anyMatch(i -> i.startsWith(LAMBDA)))
                .extracting(Source::name).allMatch(n -> n.endsWith("Handler.java"));
        assertThat(root).filteredOn(s -> s.imports().stream().anyMatch(i -> i.startsWith(SDK)))
                .extracting(Source::name).allMatch(n -> n.endsWith("Wiring.java"));
        assertThat(sources()).filteredOn(s -> s.imports().stream().anyMatch(i -> i.startsWith(LAMBDA)))
                .allMatch(Source::inRoot);
    }

    @Test
    void no_in_memory_test_fake_ships_in_the_zip() {
        assertThat(sources()).extracting(Source::name).noneMatch(n -> n.startsWith("InMemory"));
        assertThat(MAIN.resolve("memory")).doesNotExist();
    }

    @Test
    void every_package_says_what_it_is_for_in_a_package_info() {
        var packages = sources().stream().map(Source::path).map(Path::getParent).distinct().toList();

        assertThat(packages).allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).isRegularFile());
    }
}
