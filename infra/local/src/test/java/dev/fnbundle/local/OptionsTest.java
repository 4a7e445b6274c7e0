package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaults_start_the_stack_on_the_usual_ports() {
        var options = Options.parse(List.of(), ROOT);

        assertThat(options.command()).isEqualTo("start");
        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.template()).isEqualTo(ROOT.resolve("template.yaml"));
        assertThat(options.ports()).isEqualTo(Options.Ports.DEFAULT);
        assertThat(options.mail()).isTrue();
        assertThat(options.allowLoopbackFetch()).isFalse();
    }

    @Test
    void parameters_and_fires_accumulate() {
        var options = Options.parse(List.of("start", "--parameter", "A=1", "--parameter-overrides", "B=2 C=x=y",
                "--fire", "Nightly", "--persist", "data"), ROOT);

        assertThat(options.parameters()).containsEntry("A", "1").containsEntry("B", "2").containsEntry("C", "x=y");
        assertThat(options.fire()).containsExactly("Nightly");
        assertThat(options.persist()).isEqualTo(ROOT.resolve("data"));
    }

    @Test
    void invoke_needs_a_function_and_an_event() {
        var options = Options.parse(List.of("invoke", "OrdersApiFunction", "-e", "events/x.json"), ROOT);

        assertThat(options.function()).isEqualTo("OrdersApiFunction");
        assertThat(options.event()).isEqualTo(ROOT.resolve("events/x.json"));
        assertThatThrownBy(() -> Options.parse(List.of("invoke"), ROOT)).hasMessageContaining("function name");
        assertThatThrownBy(() -> Options.parse(List.of("invoke", "F"), ROOT)).hasMessageContaining("--event");
    }

    @Test
    void inner_loop_options_default_to_lambdas_behaviour() {
        var options = Options.parse(List.of(), ROOT).innerLoop();

        assertThat(options.logs()).isNull();
        assertThat(options.strict()).isFalse();
        assertThat(options.envVars()).isNull();
        assertThat(options.jwksUrl()).isNull();
        assertThat(options.asyncRetryDelays()).containsExactly(java.time.Duration.ofMinutes(1),
                java.time.Duration.ofMinutes(2));
    }

    @Test
    void inner_loop_options_are_read() {
        var options = Options.parse(List.of("--no-logs", "--strict", "--env-vars", "env.json", "--jwks-url",
                "https://idp.example/.well-known/jwks.json", "--async-retry-delays", "200ms,1s"), ROOT).innerLoop();

        assertThat(options.logs()).isFalse();
        assertThat(options.strict()).isTrue();
        assertThat(options.envVars()).isEqualTo(ROOT.resolve("env.json"));
        assertThat(options.jwksUrl()).hasToString("https://idp.example/.well-known/jwks.json");
        assertThat(options.asyncRetryDelays()).containsExactly(java.time.Duration.ofMillis(200),
                java.time.Duration.ofSeconds(1));
        assertThat(Options.parse(List.of("--logs"), ROOT).innerLoop().logs()).isTrue();
    }

    @Test
    void debugged_functions_get_their_port_or_the_next_free_one_from_5005() {
        var options = Options.parse(List.of("--debug", "A", "--debug", "B:5005", "--debug", "C", "--debug-suspend",
                "--watch", "--no-aot-cache"), ROOT).innerLoop();

        assertThat(options.debug()).containsExactly(java.util.Map.entry("A", 5006), java.util.Map.entry("B", 5005),
                java.util.Map.entry("C", 5007));
        assertThat(options.debugSuspend()).isTrue();
        assertThat(options.watch()).isTrue();
        assertThat(options.aotCache()).isFalse();
        var defaults = Options.parse(List.of(), ROOT).innerLoop();
        assertThat(defaults.debug()).isEmpty();
        assertThat(defaults.watch()).isFalse();
        assertThat(defaults.aotCache()).isTrue();
        assertThatThrownBy(() -> Options.parse(List.of("--debug", "A:x"), ROOT)).hasMessageContaining("the port");
        assertThatThrownBy(() -> Options.parse(List.of("--debug", "A:1", "--debug", "B:1"), ROOT))
                .hasMessageContaining("port 1 is given twice");
        assertThatThrownBy(() -> Options.parse(List.of("--debug", "--watch"), ROOT))
                .hasMessageContaining("FUNCTION or FUNCTION:PORT");
    }

    @Test
    void bad_inner_loop_values_are_named() {
        assertThatThrownBy(() -> Options.parse(List.of("--jwks-url", "file:///etc/passwd"), ROOT))
                .hasMessageContaining("needs an http(s) URL");
        assertThatThrownBy(() -> Options.parse(List.of("--async-retry-delays", "soon"), ROOT))
                .hasMessageContaining("durations like 60s,120s");
        assertThatThrownBy(() -> Options.parse(List.of("--async-retry-delays", "1s,2s,3s"), ROOT))
                .hasMessageContaining("at most two delays");
    }

    @Test
    void mistakes_are_named() {
        assertThatThrownBy(() -> Options.parse(List.of("--prot", "1"), ROOT))
                .hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> Options.parse(List.of("--port", "http"), ROOT)).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> Options.parse(List.of("--port"), ROOT)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--parameter", "novalue"), ROOT))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> Options.parse(List.of("deploy"), ROOT)).hasMessageContaining("unknown command");
    }
}
