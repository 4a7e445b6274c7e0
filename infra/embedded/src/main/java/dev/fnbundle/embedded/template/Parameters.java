package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parameter values of one local deployment: overrides first (like {@code --parameter-overrides}), then each
 * parameter's {@code Default}; {@code CommaDelimitedList} parameters resolve to lists. Also the pseudo
 * parameters ({@code AWS::Region}, {@code AWS::AccountId}, {@code AWS::StackName}, {@code AWS::Partition},
 * {@code AWS::URLSuffix}) of the local account.
 */
public final class Parameters {
    private final Map<String, JsonNode> values = new HashMap<>();

    /**
     * @throws UnsupportedTemplateException when a parameter has neither an override nor a default, or an
     *     override names no parameter, or a value is not among its {@code AllowedValues}
     */
    public Parameters(Template template, Map<String, String> overrides, LocalAccount account) {
        for (String name : overrides.keySet()) {
            if (!template.parameters().has(name)) {
                throw new UnsupportedTemplateException("parameter override " + name + " names no parameter of "
                        + template.path());
            }
        }
        for (var entry : template.parameters().properties()) {
            String name = entry.getKey();
            JsonNode definition = entry.getValue();
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : definition.has("Default") ? definition.get("Default").asText() : null;
            if (value == null) {
                throw new UnsupportedTemplateException("parameter " + name + " has no Default; pass a value with"
                        + " --parameter " + name + "=VALUE");
            }
            checkAllowed(name, definition, value);
            values.put(name, typed(definition.path("Type").asText("String"), value));
        }
        values.put("AWS::Region", new TextNode(account.region()));
        values.put("AWS::AccountId", new TextNode(account.accountId()));
        values.put("AWS::StackName", new TextNode(account.stackName()));
        values.put("AWS::StackId", new TextNode(account.stackId()));
        values.put("AWS::Partition", new TextNode("aws"));
        values.put("AWS::URLSuffix", new TextNode("amazonaws.com"));
    }

    /** The value of a parameter or pseudo parameter, if it is one. */
    public Optional<JsonNode> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static void checkAllowed(String name, JsonNode definition, String value) {
        JsonNode allowed = definition.path("AllowedValues");
        if (allowed.isArray() && !allowed.isEmpty()) {
            for (JsonNode option : allowed) {
                if (option.asText().equals(value)) {
                    return;
                }
            }
            throw new UnsupportedTemplateException("parameter " + name + " = " + value + " is not one of "
                    + allowed);
        }
    }

    private static JsonNode typed(String type, String value) {
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String item : value.split(",", -1)) {
                list.add(item.trim());
            }
            return list;
        }
        return new TextNode(value);
    }
}
