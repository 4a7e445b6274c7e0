package dev.fnbundle.local;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;

/**
 * A small project in the Maven layout {@code --watch} knows, in a fresh directory: a function module
 * ({@code functions/watched}, zip in its {@code target/}; two source files) whose handler answers with a version
 * word, a greeting from the library module ({@code functions/common}, a jar in the zip's {@code lib/}) and a
 * resource; and a template with one HTTP route to it. Built once here, as the build would, before the runtime
 * starts.
 */
final class WatchedProject {
    private static final Pattern NEEDED_JARS = Pattern.compile(
            ".*/(com/amazonaws/aws-lambda-java-core|com/amazonaws/aws-lambda-java-events|joda-time/joda-time)/"
                    + ".*\\.jar");
    static final String HANDLER = """
            package dev.fnbundle.watched;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
            import dev.fnbundle.watched.common.Greeting;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.charset.StandardCharsets;

            public final class WatchedHandler
                    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                @Override
                public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                    try (var in = WatchedHandler.class.getResourceAsStream("/note.txt")) {
                        String note = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                                .withBody(Words.join("VERSION", Greeting.text(), note)).build();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            """;
    /** A second file of the function module, which the handler uses. */
    static final String WORDS = """
            package dev.fnbundle.watched;

            final class Words {
                private Words() {
                }

                static String join(String... words) {
                    return String.join(" ", words);
                }
            }
            """;
    static final String GREETING = """
            package dev.fnbundle.watched.common;

            public final class Greeting {
                private Greeting() {
                }

                public static String text() {
                    return "GREETING";
                }
            }
            """;
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                MemorySize: 256
                Timeout: 20
                CodeUri: functions/watched/target/watched.zip
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
              WatchedFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.fnbundle.watched.WatchedHandler::handleRequest
                  Events:
                    Version:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Method: GET
                        Path: /version
            EXTRA
            """;

    private final Path root;

    private WatchedProject(Path root) {
        this.root = root;
    }

    /** Writes the project (version v1, greeting hello, note first) and builds its zip. */
    static WatchedProject create() {
        try {
            var project = new WatchedProject(Files.createTempDirectory("fnbundle-watched"));
            project.writeHandler("v1");
            write(project.root.resolve("functions/watched/src/main/java/dev/fnbundle/watched/Words.java"), WORDS);
            project.writeGreeting("hello");
            project.writeNote("first");
            project.writeTemplate("");
            project.build();
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path template() {
        return root.resolve("template.yaml");
    }

    Path zip() {
        return root.resolve("functions/watched/target/watched.zip");
    }

    Path handlerSource() {
        return root.resolve("functions/watched/src/main/java/dev/fnbundle/watched/WatchedHandler.java");
    }

    void writeHandler(String version) {
        write(handlerSource(), HANDLER.replace("VERSION", version));
    }

    void writeGreeting(String greeting) {
        write(root.resolve("functions/common/src/main/java/dev/fnbundle/watched/common/Greeting.java"),
                GREETING.replace("GREETING", greeting));
    }

    void writeNote(String note) {
        write(root.resolve("functions/watched/src/main/resources/note.txt"), note + "\n");
    }

    /** The template, with {@code extra} appended under Resources (indented by the caller). */
    void writeTemplate(String extra) {
        write(template(), TEMPLATE.replace("EXTRA", extra));
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, text);
            // Moved into place as editors save: the watcher must see one complete file.
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code ./mvnw package} would make: common's jar, then the function's classes, into the zip. */
    private void build() throws IOException {
        List<Path> lambdaJars = new ArrayList<>();
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            if (NEEDED_JARS.matcher(entry.replace('\\', '/')).matches()) {
                lambdaJars.add(Path.of(entry));
            }
        }
        Path build = root.resolve("build");
        Path commonClasses = compile(root.resolve("functions/common/src/main/java"), List.of(),
                build.resolve("common"));
        Path commonJar = build.resolve("common-1.0.0-SNAPSHOT.jar");
        zipTree(commonClasses, commonJar, List.of());
        var classpath = new ArrayList<>(lambdaJars);
        classpath.add(commonJar);
        Path classes = compile(root.resolve("functions/watched/src/main/java"), classpath, build.resolve("watched"));
        Files.copy(root.resolve("functions/watched/src/main/resources/note.txt"), classes.resolve("note.txt"));
        Files.createDirectories(zip().getParent());
        zipTree(classes, zip(), classpath);
    }

    private static Path compile(Path sources, List<Path> classpath, Path output) throws IOException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-d", output.toString()));
        if (!classpath.isEmpty()) {
            arguments.add("-cp");
            arguments.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("the watched project does not compile");
        }
        return output;
    }

    private static void zipTree(Path classes, Path zip, List<Path> libraries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); var entries = new ZipOutputStream(out)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    entries.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, entries);
                    entries.closeEntry();
                }
            }
            for (Path jar : libraries) {
                entries.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, entries);
                entries.closeEntry();
            }
        }
    }
}
