package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code --env-vars} overrides the template's variables as SAM CLI does (see {@link FixtureRuntime#ENV_VARS}). */
class EnvVarsTest {
    @Test
    void a_function_sees_its_own_values_over_parameters_over_the_template_and_nothing_undeclared() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(FixtureRuntime.uri("/items/env"))
                .header("Authorization", "Bearer " + FixtureRuntime.shared().devToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("greeting").asText()).isEqualTo("hello from env-vars");
        assertThat(body.path("colour").asText()).isEqualTo("green");
        assertThat(body.path("undeclared").asText()).isEqualTo("null");
    }

    @Test
    void variables_that_change_nothing_are_named_at_start() {
        FixtureRuntime.shared();

        assertThat(FixtureRuntime.console())
                .contains("warning: --env-vars: Parameters.FIXTURE_NOWHERE (no function declares it) is not set")
                .contains("warning: --env-vars: EchoFunction.FIXTURE_UNDECLARED (not in the function's Environment"
                        + " in the template) is not set");
    }
}
