package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Physical names of the local stack's resources, and the values {@code Ref} and {@code Fn::GetAtt} give for
 * them: a name property from the template when it sets one ({@code TableName}, {@code QueueName},
 * {@code FunctionName}), else {@code <stack>-<LogicalId>} as CloudFormation would generate (minus its random
 * suffix, so local names are predictable).
 */
final class PhysicalNames implements References {
    private final LocalAccount account;
    private final Map<String, Template.Resource> resources;
    private final Map<String, String> names = new HashMap<>();

    PhysicalNames(Template template, Parameters parameters, LocalAccount account,
                  Map<String, Template.Resource> resources) {
        this.account = account;
        this.resources = resources;
        // Name properties may use parameters and pseudo parameters, never other resources.
        var nameOnly = new Intrinsics(template, parameters, new References() {
            @Override
            public Optional<JsonNode> ref(String logicalId) {
                return Optional.empty();
            }

            @Override
            public Optional<JsonNode> getAtt(String logicalId, String attribute) {
                return Optional.empty();
            }
        });
        for (var resource : resources.values()) {
            String property = switch (resource.type()) {
                case "AWS::DynamoDB::Table" -> "TableName";
                case "AWS::SQS::Queue" -> "QueueName";
                case "AWS::Serverless::Function" -> "FunctionName";
                case "AWS::Logs::LogGroup" -> "LogGroupName";
                default -> null;
            };
            String where = "Resources." + resource.logicalId() + ".Properties." + property;
            String name = property != null && resource.properties().has(property)
                    ? nameOnly.resolveText(resource.properties().get(property), where)
                    : account.stackName() + "-" + resource.logicalId();
            if (resource.type().equals("AWS::SQS::Queue") && !name.endsWith(".fifo")
                    && resource.properties().path("FifoQueue").asBoolean(false)) {
                name = name + ".fifo";
            }
            names.put(resource.logicalId(), name);
        }
    }

    LocalAccount account() {
        return account;
    }

    String name(String logicalId) {
        return names.get(logicalId);
    }

    @Override
    public Optional<JsonNode> ref(String logicalId) {
        Template.Resource resource = resources.get(logicalId);
        if (resource == null) {
            return Optional.empty();
        }
        String name = names.get(logicalId);
        return Optional.of(new TextNode(switch (resource.type()) {
            case "AWS::SQS::Queue" -> account.queueUrl(name);
            case "AWS::Serverless::HttpApi" -> "local";
            default -> name;
        }));
    }

    @Override
    public Optional<JsonNode> getAtt(String logicalId, String attribute) {
        Template.Resource resource = resources.get(logicalId);
        if (resource == null) {
            return Optional.empty();
        }
        String name = names.get(logicalId);
        String value = switch (resource.type() + "." + attribute) {
            case "AWS::SQS::Queue.Arn" -> account.queueArn(name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> account.queueUrl(name);
            case "AWS::DynamoDB::Table.Arn" -> account.tableArn(name);
            case "AWS::DynamoDB::Table.StreamArn" -> account.tableArn(name) + "/stream/local";
            case "AWS::Serverless::Function.Arn" -> account.functionArn(name);
            case "AWS::Logs::LogGroup.Arn" -> "arn:aws:logs:" + account.region() + ":" + account.accountId()
                    + ":log-group:" + name;
            default -> null;
        };
        return Optional.ofNullable(value).map(TextNode::new);
    }
}
