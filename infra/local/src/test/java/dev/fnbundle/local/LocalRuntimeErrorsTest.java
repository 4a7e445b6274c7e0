package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.observe.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the stack cannot start: one line that says what to do, and a non-zero exit. */
class LocalRuntimeErrorsTest {
    @TempDir
    Path directory;

    private static final String FREE_PORTS = "--dynamodb-port 0 --sqs-port 0 --no-mail --port 0 --no-aot-cache";

    private static Console quiet() {
        return new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    }

    private BundleRuntime start(Path template, String extra) throws InterruptedException {
        var args = new ArrayList<>(List.of("start", "--template", template.toString()));
        args.addAll(List.of((FREE_PORTS + " " + extra).trim().split("\\s+")));
        return BundleRuntime.start(Options.parse(args, directory), quiet());
    }

    private Path template(String yaml) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void an_unsupported_construct_is_named_with_where_it_is() throws IOException {
        Path template = template("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      CodeUri: fn.zip
                      Handler: x.H::handle
                      Environment:
                        Variables:
                          SHARED: !ImportValue other-stack-output
                """);

        assertThatThrownBy(() -> start(template, "")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Fn::ImportValue")
                .hasMessageContaining("Resources.Fn.Properties.Environment.Variables.SHARED");
    }

    @Test
    void with_strict_every_construct_that_cannot_run_is_fatal_and_named_at_once() {
        Path template = FixtureStack.create();
        var args = List.of("start", "--template", template.toString(), "--dynamodb-port", "0", "--sqs-port", "0",
                "--no-mail", "--port", "0", "--strict");

        assertThatThrownBy(() -> BundleRuntime.start(Options.parse(args, template.getParent()), quiet()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("--strict: 2 construct(s) of the template cannot run locally:")
                .hasMessageContaining("Resources.SleepyFunction.Properties.Layers")
                .hasMessageContaining("Resources.Api.Properties.Auth.Authorizers.Legacy");
    }

    @Test
    void an_env_vars_key_naming_no_function_stops_the_start_and_lists_the_functions() throws IOException {
        Path template = FixtureStack.create();
        Path env = Files.writeString(template.resolveSibling("env.json"), "{\"EchoFn\": {\"FIXTURE_COLOUR\": \"x\"}}");
        var args = List.of("start", "--template", template.toString(), "--dynamodb-port", "0", "--sqs-port", "0",
                "--no-mail", "--port", "0", "--env-vars", env.toString());

        assertThatThrownBy(() -> BundleRuntime.start(Options.parse(args, template.getParent()), quiet()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"EchoFn\" names no function of the template")
                .hasMessageContaining("EchoFunction, BatchFunction, TickFunction, SleepyFunction, CrashFunction");
    }

    @Test
    void debugging_a_function_the_template_does_not_have_stops_the_start_and_lists_the_functions() {
        Path template = FixtureStack.create();

        assertThatThrownBy(() -> start(template, "--debug NoSuchFunction:5999"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("--debug NoSuchFunction: the template has no function of that name")
                .hasMessageContaining("EchoFunction");
    }

    @Test
    void a_missing_zip_says_to_build_first() throws IOException {
        Path template = template("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      CodeUri: functions/fn/target/fn.zip
                      Handler: x.H::handle
                """);

        assertThatThrownBy(() -> start(template, "")).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("fn.zip does not exist").hasMessageContaining("./mvnw -DskipTests package");
    }

    @Test
    void a_port_in_use_says_which_and_how_to_choose_another() throws Exception {
        Path template = FixtureStack.create();
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var args = List.of("start", "--template", template.toString(), "--dynamodb-port", "0", "--sqs-port",
                    "0", "--no-mail", "--port", Integer.toString(taken.getLocalPort()));
            assertThatThrownBy(() -> BundleRuntime.start(Options.parse(args, template.getParent()), quiet()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use; stop what is using it or pass --port N");
        }
    }

    @Test
    void the_command_line_prints_one_line_and_exits_non_zero() throws Exception {
        Process process = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), LocalRuntimeMain.class.getName(), "start", "--template",
                directory.resolve("missing.yaml").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.lines().filter(l -> l.startsWith("error: ")).toList())
                .containsExactly("error: no template at " + directory.resolve("missing.yaml")
                        + "; pass --template FILE");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void invoke_runs_one_function_once_with_an_event_file() throws Exception {
        Path template = FixtureStack.create();
        Path event = template.resolveSibling("event.json");
        Files.writeString(event, "{\"do\": \"nothing\"}");
        var options = Options.parse(List.of("invoke", "CrashFunction", "--event", event.toString(), "--template",
                template.toString()), template.getParent());

        try (var stack = BundleRuntime.forInvoke(options, quiet())) {
            var result = stack.pools().get("CrashFunction").invoke(Files.readAllBytes(event),
                    Trigger.invoke("RequestResponse"));

            assertThat(result.payloadText()).isEqualTo("\"alive\"");
            assertThat(result.cold()).isTrue();
            assertThat(stack.pools()).containsOnlyKeys("CrashFunction");
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
