package dev.fnbundle.fuzzy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's layering, read from its main sources so that the build fails on a violation: the cores (input,
 * distance, phonetic, search, catalog) import only cores below them, never the handlers' root package, the API
 * readers and views, the adapters, the Lambda API or the AWS SDK; only the handlers see the Lambda API; only the
 * adapters and the wiring see the AWS SDK; every package says what it is for in a {@code package-info.java}.
 */
class PackageLayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/fnbundle/fuzzy");
    private static final String BASE = "dev.fnbundle.fuzzy";
    /** A package may use only packages of a lower rank (and itself). */
    private static final Map<String, Integer> RANKS = Map.of("input", 0, "distance", 1, "phonetic", 1, "search", 2,
            "catalog", 3, "api", 4, "aws", 5, "", 6);
    private static final List<String> CORES = List.of("input", "distance", "phonetic", "search", "catalog");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*+", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.fnbundle\\.fuzzy(?:\\.[a-z]\\w*+)?+"
            + "|com\\.amazonaws\\.services\\.lambda|software\\.amazon\\.awssdk"
            + "|dev\\.fnbundle\\.common\\.(?:aws|http))\\.");

    private static List<Source> sources;

    /** One main source file: its package below {@code dev.fnbundle.fuzzy} ("" for the root) and its code. */
    private record Source(Path path, String subpackage, String code) {
    }

    @BeforeAll
    static void read() throws IOException {
        sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file.getParent());
                String code = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                sources.add(new Source(file, relative.toString().replace('/', '.'), code));
            }
        }
        assertThat(sources).hasSizeGreaterThan(50);
    }

    @Test
    void every_package_only_uses_packages_below_it() {
        var violations = new ArrayList<String>();
        for (Source source : sources) {
            for (String used : references(source)) {
                if (!used.startsWith(BASE)) {
                    continue;
                }
                String target = used.equals(BASE) ? "" : used.substring(BASE.length() + 1);
                if (!target.equals(source.subpackage()) && !(RANKS.get(target) < RANKS.get(source.subpackage()))) {
                    violations.add(source.path() + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void cores_never_see_the_lambda_api_the_aws_sdk_or_the_http_layer() {
        var violations = new ArrayList<String>();
        for (Source source : sources) {
            if (CORES.contains(source.subpackage())) {
                references(source).stream().filter(used -> !used.startsWith(BASE))
                        .forEach(used -> violations.add(source.path() + " uses " + used));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void only_handlers_see_the_lambda_api_and_only_adapters_and_wiring_see_the_aws_sdk() {
        var violations = new ArrayList<String>();
        for (Source source : sources) {
            for (String used : references(source)) {
                boolean lambda = used.startsWith("com.amazonaws.services.lambda");
                boolean sdk = used.startsWith("software.amazon.awssdk") || used.equals("dev.fnbundle.common.aws");
                String file = source.path().getFileName().toString();
                if (lambda && !(source.subpackage().isEmpty() && file.endsWith("Handler.java"))
                        || sdk && !(source.subpackage().equals("aws") || file.equals("FuzzyWiring.java"))) {
                    violations.add(source.path() + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void every_package_has_a_package_info() {
        var packages = sources.stream().map(Source::subpackage).distinct().toList();
        for (String subpackage : packages) {
            Path info = SOURCES.resolve(subpackage.replace('.', '/')).resolve("package-info.java");
            assertThat(info).as("package-info of %s", subpackage).exists();
        }
        assertThat(packages).containsExactlyInAnyOrderElementsOf(RANKS.keySet());
    }

    private static List<String> references(Source source) {
        var used = new ArrayList<String>();
        Matcher matcher = REFERENCE.matcher(source.code());
        while (matcher.find()) {
            if (!matcher.group(1).equals(BASE + "." + source.subpackage())) {
                used.add(matcher.group(1));
            }
        }
        return used;
    }
}
