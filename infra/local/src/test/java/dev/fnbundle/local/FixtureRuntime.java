package dev.fnbundle.local;

import dev.fnbundle.local.console.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture template running once per test JVM with every service on a free port (GreenMail included) and the
 * options the inner-loop tests need: what the tests of the runtime's own behaviours (loopback binding, REPORT
 * lines, CORS, scopes, the Invoke API...) drive. Started on first use, stopped when the JVM exits.
 */
final class FixtureRuntime {
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    /** SAM CLI's format: values for every function, then for one, which wins. */
    static final String ENV_VARS = """
            {"Parameters": {"FIXTURE_COLOUR": "green", "FIXTURE_GREETING": "hello from Parameters",
                            "FIXTURE_NOWHERE": "x"},
             "EchoFunction": {"FIXTURE_GREETING": "hello from env-vars", "FIXTURE_UNDECLARED": "not set"}}
            """;
    private static BundleRuntime runtime;
    private static JwksServer identityProvider;
    private static Path template;

    private FixtureRuntime() {
    }

    static synchronized BundleRuntime shared() {
        if (runtime == null) {
            template = FixtureStack.create();
            Path envVars = write(template.resolveSibling("env.json"), ENV_VARS);
            identityProvider = new JwksServer().publish("idp-rsa", "RSA").publish("idp-ec", "EC");
            var args = new ArrayList<>(List.of("start", "--template", template.toString(), "--port", "0",
                    "--env-vars", envVars.toString(), "--jwks-url", identityProvider.url().toString(),
                    "--max-instances", "2", "--dynamodb-port", "0", "--sqs-port", "0", "--smtp-port", "0",
                    "--imap-port", "0", "--imaps-port", "0", "--logs", "--async-retry-delays", "300ms,600ms",
                    "--no-aot-cache", "--debug", "DebuggedFunction:" + dev.fnbundle.embedded.FreePorts.find()));
            try {
                runtime = BundleRuntime.start(Options.parse(args, template.getParent()),
                        new Console(new PrintStream(CONSOLE, true, StandardCharsets.UTF_8), false, true));
                runtime.awaitWarm(java.time.Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runtime.close();
                identityProvider.close();
            }, "fixture-runtime-stop"));
        }
        return runtime;
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory of the fixture template (the runtime's work directory is its target/local). */
    static Path directory() {
        shared();
        return template.getParent();
    }

    /** The identity provider whose key set the runtime trusts (--jwks-url). */
    static JwksServer identityProvider() {
        shared();
        return identityProvider;
    }

    static String console() {
        return CONSOLE.toString(StandardCharsets.UTF_8);
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + shared().port() + path);
    }
}
