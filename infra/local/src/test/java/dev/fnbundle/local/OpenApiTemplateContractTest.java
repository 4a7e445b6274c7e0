package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code infra/openapi.yaml} and {@code template.yaml} describe the same API: every route of every HttpApi event is
 * an operation of the document and the document has no operation the template lacks. The {@code $default} route,
 * which OpenAPI cannot express as a path, is documented as the {@code RouteNotFound} answer.
 */
class OpenApiTemplateContractTest {
    private static final Path ROOT = LocalAws.repositoryRoot();
    private static final String DOCUMENT = "infra/openapi.yaml";
    private static final String DEFAULT_ROUTE = "$default";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static Set<String> templateRoutes;
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        Template template = Template.read(ROOT.resolve("template.yaml"));
        StackModel model = StackModel.resolve(template, LocalTemplate.localParameters(template),
                LocalAccount.local("openapi", URI.create("http://127.0.0.1:9324")));
        templateRoutes = new TreeSet<>();
        model.functions().values().forEach(function -> function.events(EventSpec.HttpApiRoute.class)
                .forEach(route -> templateRoutes.add(route.path().equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE
                        : route.routeKey())));
        document = new YAMLMapper().readTree(ROOT.resolve(DOCUMENT).toFile());
    }

    @Test
    void every_template_route_is_documented_and_every_documented_route_is_in_the_template() {
        assertThat(differences(templateRoutes, documentedRoutes(document))).isEmpty();
        assertThat(templateRoutes).hasSizeGreaterThan(30);
    }

    @Test
    void the_default_route_is_documented_as_the_route_not_found_answer() {
        assertThat(templateRoutes).contains(DEFAULT_ROUTE);
        assertThat(document.at("/components/responses/RouteNotFound/content/application~1problem+json/schema")
                .isMissingNode()).isFalse();
        assertThat(document.at("/info/description").asText()).contains("$default");
    }

    @Test
    void the_comparison_names_a_route_missing_from_the_document_and_one_the_template_lacks() throws IOException {
        JsonNode partial = new YAMLMapper().readTree("""
                paths:
                  /runs:
                    post: {}
                  /runs/{id}:
                    get: {}
                    delete: {}
                """);

        assertThat(differences(Set.of("POST /runs", "GET /runs/{id}", "POST /runs/{id}/done", DEFAULT_ROUTE),
                documentedRoutes(partial))).containsExactly(
                "POST /runs/{id}/done is a route of template.yaml but not in infra/openapi.yaml",
                "DELETE /runs/{id} is in infra/openapi.yaml but not a route of template.yaml");
    }

    /** Route keys (METHOD /path) of a document's operations. */
    private static Set<String> documentedRoutes(JsonNode openApi) {
        var routes = new TreeSet<String>();
        openApi.path("paths").properties().forEach(path -> METHODS.stream().filter(path.getValue()::has)
                .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    private static List<String> differences(Set<String> template, Set<String> documented) {
        var differences = new ArrayList<String>();
        template.stream().filter(route -> !route.equals(DEFAULT_ROUTE) && !documented.contains(route))
                .forEach(route -> differences.add(route + " is a route of template.yaml but not in " + DOCUMENT));
        documented.stream().filter(route -> !template.contains(route))
                .forEach(route -> differences.add(route + " is in " + DOCUMENT + " but not a route of template.yaml"));
        return differences;
    }
}
