package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What the runtime cannot run is said at start, and never silently left open. */
class TemplateNoticesTest {
    @Test
    void each_construct_that_cannot_run_gets_one_warning_line_at_start() {
        FixtureRuntime.shared();

        assertThat(FixtureRuntime.console().lines().filter(line -> line.startsWith("warning: not run locally:")))
                .containsExactly(
                        "warning: not run locally: Resources.Api.Properties.Auth.Authorizers.Legacy: only JWT"
                                + " authorizers run locally: routes using this one refuse every request (401)",
                        "warning: not run locally: Resources.SleepyFunction.Properties.Layers: layers are not"
                                + " loaded locally; the function runs with its zip alone");
    }

    @Test
    void a_route_behind_an_authorizer_that_cannot_run_refuses_even_a_valid_token() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(FixtureRuntime.uri("/legacy"))
                .header("Authorization", "Bearer " + FixtureRuntime.shared().devToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
