package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template resolved for one local deployment: every table, queue, function (with its events) and HTTP API with
 * physical names, ARNs, URLs and intrinsics resolved, plus the outputs. Resource types the local runtime has no
 * use for but that are harmless (log groups, alarms, IAM) are listed in {@link #IGNORED_TYPES}; any other type is
 * refused, naming it.
 */
public final class StackModel {
    /** Types that need no local counterpart: they configure AWS itself, not the behaviour under test. */
    public static final Set<String> IGNORED_TYPES = Set.of("AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm",
            "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SNS::Topic",
            "AWS::Lambda::Permission", "AWS::SQS::QueuePolicy");

    private final Map<String, TableSpec> tables;
    private final Map<String, QueueSpec> queues;
    private final Map<String, FunctionSpec> functions;
    private final Map<String, HttpApiSpec> apis;
    private final Map<String, String> outputs;
    private final Map<String, String> included;

    private StackModel(Map<String, TableSpec> tables, Map<String, QueueSpec> queues,
                       Map<String, FunctionSpec> functions, Map<String, HttpApiSpec> apis,
                       Map<String, String> outputs, Map<String, String> included) {
        this.tables = Collections.unmodifiableMap(tables);
        this.queues = Collections.unmodifiableMap(queues);
        this.functions = Collections.unmodifiableMap(functions);
        this.apis = Collections.unmodifiableMap(apis);
        this.outputs = Collections.unmodifiableMap(outputs);
        this.included = Collections.unmodifiableMap(included);
    }

    /**
     * Resolves {@code template} for {@code account} with the given parameter overrides.
     *
     * @throws UnsupportedTemplateException naming the first construct that cannot run locally
     */
    public static StackModel resolve(Template template, Map<String, String> parameterOverrides,
                                     LocalAccount account) {
        var parameters = new Parameters(template, parameterOverrides, account);
        var resources = template.resources();
        var names = new PhysicalNames(template, parameters, account, resources);
        var intrinsics = new Intrinsics(template, parameters, names);
        var builder = new ModelBuilder(intrinsics, names, template);
        var included = new LinkedHashMap<String, String>();
        for (var resource : resources.values()) {
            if (resource.condition() != null && !intrinsics.condition(resource.condition())) {
                continue;
            }
            builder.add(resource);
            included.put(resource.logicalId(), resource.type());
        }
        var outputs = new LinkedHashMap<String, String>();
        for (var output : template.outputs().properties()) {
            JsonNode condition = output.getValue().get("Condition");
            if (condition == null || intrinsics.condition(condition.asText())) {
                outputs.put(output.getKey(), intrinsics.resolveText(output.getValue().get("Value"),
                        "Outputs." + output.getKey() + ".Value"));
            }
        }
        return new StackModel(builder.tables, builder.queues, builder.functions, builder.apis, outputs, included);
    }

    public Map<String, TableSpec> tables() {
        return tables;
    }

    public Map<String, QueueSpec> queues() {
        return queues;
    }

    public Map<String, FunctionSpec> functions() {
        return functions;
    }

    public Map<String, HttpApiSpec> apis() {
        return apis;
    }

    public Map<String, String> outputs() {
        return outputs;
    }

    /** Every resource this deployment includes (its Condition holds), logical id to type, in template order. */
    public Map<String, String> included() {
        return included;
    }

    /** The table of a logical id. */
    public TableSpec table(String logicalId) {
        return Optional.ofNullable(tables.get(logicalId)).orElseThrow(
                () -> new IllegalArgumentException("the template has no table " + logicalId));
    }

    /** The queue of a logical id. */
    public QueueSpec queue(String logicalId) {
        return Optional.ofNullable(queues.get(logicalId)).orElseThrow(
                () -> new IllegalArgumentException("the template has no queue " + logicalId));
    }

    /** The queue whose ARN this is, if any. */
    public Optional<QueueSpec> queueByArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    /** Collects specs per type while the resources are resolved. */
    private static final class ModelBuilder {
        private final Intrinsics intrinsics;
        private final PhysicalNames names;
        private final Template template;
        private final Map<String, TableSpec> tables = new LinkedHashMap<>();
        private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
        private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
        private final Map<String, HttpApiSpec> apis = new LinkedHashMap<>();

        ModelBuilder(Intrinsics intrinsics, PhysicalNames names, Template template) {
            this.intrinsics = intrinsics;
            this.names = names;
            this.template = template;
        }

        void add(Template.Resource resource) {
            String id = resource.logicalId();
            String where = "Resources." + id + ".Properties";
            JsonNode properties = intrinsics.resolve(resource.properties(), where);
            switch (resource.type()) {
                case "AWS::DynamoDB::Table" -> tables.put(id, new TableSpec(id, names.name(id), properties));
                case "AWS::SQS::Queue" -> queues.put(id, QueueSpec.of(id, names.name(id), names.account(),
                        properties));
                case "AWS::Serverless::Function" -> functions.put(id, FunctionSpec.of(id, names.name(id),
                        properties, template.baseDirectory(), where));
                case "AWS::Serverless::HttpApi" -> apis.put(id, HttpApiSpec.of(id, properties));
                default -> {
                    if (!IGNORED_TYPES.contains(resource.type())) {
                        throw new UnsupportedTemplateException("resource " + id + " has type " + resource.type()
                                + ", which the local runtime cannot run (it runs AWS::Serverless::Function,"
                                + " AWS::Serverless::HttpApi, AWS::DynamoDB::Table and AWS::SQS::Queue)");
                    }
                }
            }
        }
    }

    /** Helper for specs: an optional integer property. */
    static int integer(JsonNode properties, String name, int fallback) {
        JsonNode value = properties.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new UnsupportedTemplateException(name + " must be a number, not " + value);
        }
    }

    /** Helper for specs: an optional list of strings (a single string counts as a list of one). */
    static List<String> texts(JsonNode value) {
        var out = new ArrayList<String>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(item -> out.add(item.asText()));
        } else {
            out.add(value.asText());
        }
        return out;
    }

    static JsonNode text(String value) {
        return new TextNode(value);
    }
}
