package dev.fnbundle.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml is deployable and consistent with the code: it validates against the official SAM schema, and
 * every handler, zip, queue, route and schedule it names is wired the way the platform requires.
 */
class TemplateContractTest {
    private static final Path ROOT = LocalAws.repositoryRoot();
    private static final Path SCHEMA = ROOT.resolveSibling("shared").resolve("sam").resolve("sam.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Template template;
    private static StackModel model;

    @BeforeAll
    static void read() {
        template = Template.read(ROOT.resolve("template.yaml"));
        model = StackModel.resolve(template, LocalTemplate.localParameters(template),
                LocalAccount.local("contract", URI.create("http://127.0.0.1:9324")));
    }

    @Test
    void the_template_validates_against_the_official_sam_schema() throws IOException {
        assumeTrue(Files.isRegularFile(SCHEMA), "SAM schema not found at " + SCHEMA + ": validation skipped");
        JsonNode schema = MAPPER.readTree(SCHEMA.toFile());
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        var problems = new ArrayList<String>();
        // One mistake in a resource fails every branch of the schema's anyOf; report the branch its Type names.
        for (var resource : template.document().path("Resources").properties()) {
            String definition = definitionFor(resource.getValue().path("Type").asText());
            validate(factory, schema, definition, resource.getValue())
                    .forEach(m -> problems.add("Resources." + resource.getKey() + ": " + m.getMessage()));
        }
        if (template.document().has("Globals")) {
            validate(factory, schema, "__main____Globals", template.document().get("Globals"))
                    .forEach(m -> problems.add("Globals: " + m.getMessage()));
        }
        if (problems.isEmpty()) {
            factory.getSchema(schema).validate(template.document())
                    .forEach(m -> problems.add("template: " + m.getMessage()));
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void the_schema_check_reports_a_misspelled_function_property() throws IOException {
        assumeTrue(Files.isRegularFile(SCHEMA), "SAM schema not found at " + SCHEMA + ": validation skipped");
        JsonNode schema = MAPPER.readTree(SCHEMA.toFile());
        JsonNode broken = MAPPER.readTree("""
                {"Type": "AWS::Serverless::Function",
                 "Properties": {"Handlerr": "x.Y::handle", "CodeUri": "x.zip", "Runtime": "java21"}}""");

        var messages = validate(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4), schema,
                definitionFor("AWS::Serverless::Function"), broken);

        assertThat(messages).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("Handlerr"));
    }

    @Test
    void every_handler_class_is_inside_the_zip_its_code_uri_names() throws IOException {
        for (FunctionSpec function : model.functions().values()) {
            assertThat(function.codeUri()).as(function.logicalId() + " CodeUri (build with ./mvnw package)")
                    .isRegularFile();
            assertThat(function.codeUri().toString()).as(function.logicalId() + " CodeUri")
                    .matches(".*/functions/[a-z-]+/target/[a-z-]+\\.zip");
            String handlerClass = function.handler().split("::")[0].replace('.', '/') + ".class";
            try (var zip = new ZipFile(function.codeUri().toFile())) {
                assertThat(containsClass(zip, handlerClass)).as(function.logicalId() + " handler " + handlerClass)
                        .isTrue();
                assertThat(zip.stream().anyMatch(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar")))
                        .as(function.logicalId() + " zip has its dependencies in lib/").isTrue();
            }
        }
    }

    @Test
    void every_queue_has_a_dead_letter_queue_and_sqs_consumers_are_safe() {
        Set<String> deadLetterQueues = new HashSet<>();
        model.queues().values().stream().filter(QueueSpec::hasDeadLetterQueue)
                .forEach(q -> deadLetterQueues.add(q.deadLetterArn()));
        for (QueueSpec queue : model.queues().values()) {
            if (deadLetterQueues.contains(queue.arn())) {
                assertThat(queue.messageRetentionSeconds()).as(queue.logicalId() + " keeps dead letters 14 days")
                        .isEqualTo(1_209_600);
                continue;
            }
            assertThat(queue.hasDeadLetterQueue()).as(queue.logicalId() + " has a RedrivePolicy").isTrue();
            assertThat(queue.maxReceiveCount()).as(queue.logicalId() + " maxReceiveCount").isGreaterThanOrEqualTo(5);
            assertThat(model.queueByArn(queue.deadLetterArn())).as(queue.logicalId() + " DLQ exists").isPresent();
        }
        for (FunctionSpec function : model.functions().values()) {
            for (var source : function.events(EventSpec.SqsSource.class)) {
                QueueSpec queue = model.queueByArn(source.queueArn()).orElseThrow();
                String name = function.logicalId() + "." + source.name();
                assertThat(source.reportBatchItemFailures()).as(name + " ReportBatchItemFailures").isTrue();
                assertThat(function.environment()).isNotNull();
                assertThat(template.resources().get(function.logicalId()).properties()
                        .path("Events").path(source.name()).path("Properties").path("ScalingConfig")
                        .has("MaximumConcurrency")).as(name + " ScalingConfig.MaximumConcurrency").isTrue();
                assertThat(source.batchSize()).as(name + " BatchSize").isBetween(1, 10_000);
                assertThat(queue.visibilityTimeoutSeconds()).as(name + ": queue VisibilityTimeout >= 6 x Timeout")
                        .isGreaterThanOrEqualTo(6 * function.timeoutSeconds());
            }
        }
    }

    @Test
    void every_route_is_behind_the_jwt_authorizer() {
        assertThat(model.apis()).hasSize(1);
        var api = model.apis().values().iterator().next();
        assertThat(api.defaultAuthorizer()).as("HttpApi DefaultAuthorizer").isNotNull();
        assertThat(api.authorizers().get(api.defaultAuthorizer()).issuer()).isEqualTo("https://fnbundle.local/dev");
        var routeKeys = new HashSet<String>();
        for (FunctionSpec function : model.functions().values()) {
            for (var route : function.events(EventSpec.HttpApiRoute.class)) {
                assertThat(route.authorizer()).as(function.logicalId() + " " + route.routeKey() + " opts out")
                        .isNull();
                assertThat(routeKeys.add(route.routeKey())).as("route declared twice: " + route.routeKey()).isTrue();
            }
        }
    }

    @Test
    void functions_have_sizes_timeouts_policies_and_log_groups() {
        var properties = template.resources();
        for (FunctionSpec function : model.functions().values()) {
            String id = function.logicalId();
            assertThat(function.runtime()).as(id + " Runtime").isEqualTo("java21");
            assertThat(function.memoryMb()).as(id + " MemorySize").isBetween(128, 10_240);
            assertThat(function.timeoutSeconds()).as(id + " Timeout").isBetween(1, 900);
            ObjectNode own = properties.get(id).properties();
            assertThat(own.path("LoggingConfig").path("LogGroup").isMissingNode()).as(id + " LogGroup").isFalse();
            for (var event : function.events(EventSpec.Schedule.class)) {
                assertThat(event.expression()).as(id + "." + event.name()).matches("(rate|cron)\\(.+\\)");
            }
        }
    }

    @Test
    void resource_names_come_from_the_template_and_reach_functions_through_the_environment() {
        for (FunctionSpec function : model.functions().values()) {
            for (Map.Entry<String, String> variable : function.environment().entrySet()) {
                assertThat(variable.getValue()).as(function.logicalId() + " " + variable.getKey())
                        .doesNotContain("${").doesNotContain("Fn::");
            }
        }
    }

    /** Whether the class is at the zip's root or inside one of its lib/ jars, as Lambda's class loader sees it. */
    private static boolean containsClass(ZipFile zip, String classFile) throws IOException {
        if (zip.getEntry(classFile) != null) {
            return true;
        }
        for (var entry : java.util.Collections.list(zip.entries())) {
            if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                try (var jar = new java.util.zip.ZipInputStream(zip.getInputStream(entry))) {
                    for (var inner = jar.getNextEntry(); inner != null; inner = jar.getNextEntry()) {
                        if (inner.getName().equals(classFile)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static List<ValidationMessage> validate(JsonSchemaFactory factory, JsonNode schema, String definition,
                                                    JsonNode node) {
        ObjectNode wrapper = MAPPER.createObjectNode();
        wrapper.put("$schema", "http://json-schema.org/draft-04/schema#");
        wrapper.set("definitions", schema.get("definitions"));
        wrapper.put("$ref", "#/definitions/" + definition);
        JsonSchema compiled = factory.getSchema(wrapper);
        return new ArrayList<>(compiled.validate(node));
    }

    private static String definitionFor(String type) {
        if (!type.startsWith("AWS::Serverless::")) {
            return "samtranslator__internal__schema_source__any_cfn_resource__Resource";
        }
        String name = type.substring("AWS::Serverless::".length()).toLowerCase(java.util.Locale.ROOT);
        return "samtranslator__internal__schema_source__aws_serverless_" + name + "__Resource";
    }
}
