package dev.fnbundle.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.fnbundle.common.http.NotFoundHandler;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code infra/openapi.yaml} is a valid OpenAPI 3.1 document: an OpenAPI parser reads it without a complaint, every
 * {@code $ref} resolves, every schema is valid JSON Schema 2020-12, path parameters match their templates, and
 * every operation is secured and documents its errors.
 */
class OpenApiDocumentTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.shared();
    private static final JsonNode ROOT = DOCUMENT.root();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Test
    void an_openapi_parser_reads_it_as_3_1_without_messages() throws Exception {
        String yaml = Files.readString(Path.of(System.getProperty("fnbundle.root", "."))
                .resolve(OpenApiDocument.LOCATION));
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(yaml, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(20);
    }

    @Test
    void every_ref_resolves_within_the_document() {
        var broken = new ArrayList<String>();
        walk(ROOT, "", (pointer, node) -> {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/") || DOCUMENT.target(ref) == null) {
                    broken.add(pointer + " -> " + ref);
                }
            }
        });

        assertThat(broken).isEmpty();
    }

    @Test
    void every_schema_is_valid_json_schema_2020_12_and_compiles() {
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        var problems = new ArrayList<String>();
        List<String> schemas = schemaPointers();
        for (String pointer : schemas) {
            metaSchema.validate(ROOT.at(pointer)).forEach(m -> problems.add(pointer + ": " + m.getMessage()));
            try {
                DOCUMENT.schemaAt(pointer).initializeValidators();
            } catch (RuntimeException e) {
                problems.add(pointer + ": does not compile: " + e.getMessage());
            }
        }

        assertThat(schemas).hasSizeGreaterThan(100);
        assertThat(problems).isEmpty();
    }

    @Test
    void every_example_validates_against_its_schema() {
        var problems = new ArrayList<String>();
        var examples = new ArrayList<String>();
        walk(ROOT, "", (pointer, node) -> {
            if (node.has("schema") && node.has("example") && !pointer.matches(".*/schema(/.*)?")) {
                examples.add(pointer);
                DOCUMENT.schemaAt(pointer + "/schema").validate(node.get("example"))
                        .forEach(m -> problems.add(pointer + "/example: " + m.getMessage()));
            }
        });

        assertThat(examples).hasSizeGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void path_parameters_are_exactly_the_variables_of_their_path() {
        var problems = new ArrayList<String>();
        ROOT.path("paths").properties().forEach(path -> {
            Set<String> variables = new TreeSet<>();
            TEMPLATE_VARIABLE.matcher(path.getKey()).results().forEach(m -> variables.add(m.group(1)));
            path.getValue().properties().forEach(operation -> {
                if (!METHODS.contains(operation.getKey())) {
                    return;
                }
                Set<String> declared = new TreeSet<>();
                for (JsonNode parameters : List.of(path.getValue().path("parameters"),
                        operation.getValue().path("parameters"))) {
                    for (JsonNode parameter : parameters) {
                        JsonNode resolved = DOCUMENT.resolve(parameter);
                        if ("path".equals(resolved.path("in").asText())) {
                            declared.add(resolved.path("name").asText());
                            if (!resolved.path("required").asBoolean(false)) {
                                problems.add(operation.getKey() + " " + path.getKey() + ": path parameter "
                                        + resolved.path("name").asText() + " must be required");
                            }
                        }
                    }
                }
                if (!declared.equals(variables)) {
                    problems.add(operation.getKey() + " " + path.getKey() + ": declares " + declared + ", path has "
                            + variables);
                }
            });
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void every_operation_is_named_secured_and_documents_success_and_errors() {
        var problems = new ArrayList<String>();
        var operationIds = new HashSet<String>();
        assertThat(ROOT.at("/components/securitySchemes/jwt/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(ROOT.at("/security/0").has("jwt")).as("the JWT scheme applies to every operation").isTrue();
        for (String routeKey : DOCUMENT.routeKeys()) {
            JsonNode operation = DOCUMENT.operation(routeKey).orElseThrow().node();
            if (!operationIds.add(operation.path("operationId").asText(""))) {
                problems.add(routeKey + ": operationId missing or repeated");
            }
            if (operation.has("security")) {
                problems.add(routeKey + ": overrides the global JWT security");
            }
            JsonNode responses = operation.path("responses");
            var statuses = new ArrayList<String>();
            responses.fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                problems.add(routeKey + ": no 2xx response");
            }
            for (String status : List.of("401", "429", "500")) {
                if (!responses.has(status)) {
                    problems.add(routeKey + ": no " + status + " response");
                }
            }
            responses.properties().forEach(r -> {
                if (!DOCUMENT.resolve(r.getValue()).hasNonNull("description")) {
                    problems.add(routeKey + " " + r.getKey() + ": no description");
                }
            });
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void the_default_routes_answer_is_the_documented_route_not_found_problem() {
        var event = ApiEvents.request("GET /no/such/route", "/no/such/route", null);
        event.setRouteKey("$default");
        event.getRequestContext().setRouteKey("$default");

        var response = new NotFoundHandler().handleRequest(event, new FakeLambdaContext("not-found"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(new OpenApiContract(DOCUMENT).violations("$default", "GET", "/no/such/route", 404,
                response.getHeaders(), response.getBody())).isEmpty();
    }

    /** Every Schema Object: component schemas and the schemas of parameters, headers and media types. */
    private static List<String> schemaPointers() {
        var pointers = new ArrayList<String>();
        ROOT.path("components").path("schemas").fieldNames()
                .forEachRemaining(name -> pointers.add(OpenApiDocument.pointer("components", "schemas", name)));
        walk(ROOT, "", (pointer, node) -> {
            if (node.has("schema") && !pointer.startsWith("/components/schemas")
                    && !pointer.matches(".*/schema(/.*)?")) {
                pointers.add(pointer + "/schema");
            }
        });
        return pointers;
    }

    private interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            node.properties().forEach(e -> walk(e.getValue(), pointer + OpenApiDocument.pointer(e.getKey()),
                    visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
