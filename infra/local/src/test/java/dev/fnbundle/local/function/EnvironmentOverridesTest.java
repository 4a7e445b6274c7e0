package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.local.UserFacingException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentOverridesTest {
    private static final StackModel MODEL = StackModel.resolve(Template.parse(Path.of("/t/template.yaml"), """
            Globals:
              Function:
                Runtime: java21
                CodeUri: fn.zip
                Environment:
                  Variables:
                    LOG_LEVEL: INFO
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.Orders::handleRequest
                  Environment:
                    Variables:
                      TABLE: orders
                      RETRIES: "3"
              Mail:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.Mail::handleRequest
            """), Map.of(), LocalAccount.local("local", URI.create("http://127.0.0.1:9324")));

    @TempDir
    Path directory;

    @Test
    void parameters_apply_to_every_function_and_a_functions_own_values_win() throws Exception {
        var overrides = read("""
                {"Parameters": {"LOG_LEVEL": "DEBUG", "TABLE": "from-parameters"},
                 "Orders": {"TABLE": "orders-local", "RETRIES": 5, "LOG_LEVEL": null}}
                """);

        assertThat(overrides.apply(MODEL.functions().get("Orders")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("LOG_LEVEL", "", "TABLE", "orders-local", "RETRIES", "5"));
        assertThat(overrides.apply(MODEL.functions().get("Mail"))).containsExactlyEntriesOf(Map.of("LOG_LEVEL",
                "DEBUG"));
        assertThat(overrides.unused()).isEmpty();
    }

    @Test
    void only_declared_variables_are_overridden_and_the_rest_are_named() throws Exception {
        var overrides = read("{\"Parameters\": {\"NEW\": \"x\"}, \"Mail\": {\"TABLE\": \"t\", \"debug\": true}}");

        assertThat(overrides.apply(MODEL.functions().get("Mail"))).containsOnlyKeys("LOG_LEVEL");
        assertThat(overrides.unused()).containsExactly("Parameters.NEW (no function declares it)",
                "Mail.TABLE (not in the function's Environment in the template)",
                "Mail.debug (not in the function's Environment in the template)");
    }

    @Test
    void a_key_naming_no_function_is_an_error_that_lists_the_functions() {
        assertThatThrownBy(() -> read("{\"OrdersFunction\": {\"TABLE\": \"x\"}}"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"OrdersFunction\" names no function of the template")
                .hasMessageContaining("(Orders, Mail)");
    }

    @Test
    void malformed_files_are_named() {
        assertThatThrownBy(() -> read("[1]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> read("{\"Orders\": [\"TABLE\"]}")).hasMessageContaining("must map variable names");
        assertThatThrownBy(() -> read("{\"Orders\": {\"TABLE\": {\"a\": 1}}}"))
                .hasMessageContaining("Orders.TABLE must be a string, a number or a boolean");
        assertThatThrownBy(() -> read("{\"Orders\": ")).hasMessageContaining("cannot be read as JSON");
    }

    private EnvironmentOverrides read(String json) throws Exception {
        Path file = Files.writeString(directory.resolve("env.json"), json);
        return EnvironmentOverrides.read(file, MODEL);
    }
}
