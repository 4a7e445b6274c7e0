package dev.fnbundle.local;

import dev.fnbundle.local.fixture.EchoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the fixture function zip (the fixture handlers at the root, the Lambda and AWS SDK jars they need in
 * lib/) and a copy of the fixture template beside it, in a fresh directory.
 */
final class FixtureStack {
    private static final Pattern NEEDED_JARS = Pattern.compile(
            ".*/(software/amazon/awssdk|org/reactivestreams|org/slf4j/slf4j-api|com/amazonaws/aws-lambda-java-core"
                    + "|com/amazonaws/aws-lambda-java-events|joda-time/joda-time)/.*\\.jar");
    private static final List<String> EXCLUDED = List.of("apache-client", "netty-nio-client", "/bom/");

    private FixtureStack() {
    }

    /**
     * Like {@link #create()}, but the template declares one function only: {@code logicalId}, running the fixture
     * handler class {@code handler} (simple name) with a {@code timeoutSeconds} Timeout.
     */
    static Path withOneFunction(String logicalId, String handler, int timeoutSeconds) {
        Path template = create();
        try {
            Files.writeString(template, """
                    AWSTemplateFormatVersion: "2010-09-09"
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      %s:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: java21
                          CodeUri: fixture.zip
                          Handler: dev.fnbundle.local.fixture.%s::handleRequest
                          Timeout: %d
                    """.formatted(logicalId, handler, timeoutSeconds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return template;
    }

    /** Writes template.yaml and fixture.zip into a new temporary directory; returns the template. */
    static Path create() {
        try {
            Path directory = Files.createTempDirectory("fnbundle-fixture");
            Path template = directory.resolve("template.yaml");
            try (InputStream in = FixtureStack.class.getResourceAsStream("/fixture-template.yaml")) {
                Files.copy(in, template);
            }
            // Where the browser console reads the API's OpenAPI document: infra/openapi.yaml beside the template.
            Files.createDirectories(directory.resolve("infra"));
            try (InputStream in = FixtureStack.class.getResourceAsStream("/fixture-openapi.yaml")) {
                Files.copy(in, directory.resolve("infra/openapi.yaml"));
            }
            zip(directory.resolve("fixture.zip"));
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void zip(Path zip) throws IOException {
        Path classes = testClasses();
        try (OutputStream out = Files.newOutputStream(zip); var entries = new ZipOutputStream(out)) {
            Path fixture = classes.resolve("dev/fnbundle/local/fixture");
            try (Stream<Path> files = Files.walk(fixture)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    add(entries, classes.relativize(file).toString().replace('\\', '/'), file);
                }
            }
            for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(java.io.File.pathSeparator)) {
                String normalized = entry.replace('\\', '/');
                if (NEEDED_JARS.matcher(normalized).matches() && EXCLUDED.stream().noneMatch(normalized::contains)) {
                    Path jar = Path.of(entry);
                    add(entries, "lib/" + jar.getFileName(), jar);
                }
            }
        }
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static Path testClasses() {
        try {
            return Path.of(EchoHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
