package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions: {@code Ref} (parameters, pseudo parameters, resources),
 * {@code Fn::GetAtt}, {@code Fn::Sub} (both forms), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::FindInMap}, {@code Fn::If} with {@code Conditions} ({@code Fn::Equals}, {@code Fn::Not},
 * {@code Fn::And}, {@code Fn::Or}, {@code Condition}) and {@code AWS::NoValue}. Anything else is refused with an
 * {@link UnsupportedTemplateException} naming the function and where it is.
 */
public final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Template template;
    private final Parameters parameters;
    private final References references;
    private final Map<String, Boolean> conditionCache = new HashMap<>();

    public Intrinsics(Template template, Parameters parameters, References references) {
        this.template = template;
        this.parameters = parameters;
        this.references = references;
    }

    /**
     * A copy of {@code node} with every intrinsic replaced by its value; keys whose value is {@code AWS::NoValue}
     * are dropped.
     *
     * @param where a path for messages, e.g. {@code Resources.OrdersApi.Properties.Environment}
     */
    public JsonNode resolve(JsonNode node, String where) {
        if (node == null) {
            return MissingNode.getInstance();
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = resolve(node.get(i), where + "[" + i + "]");
                if (!item.isMissingNode()) {
                    out.add(item);
                }
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return function(key, node.get(key), where);
            }
        }
        ObjectNode out = NODES.objectNode();
        for (var field : node.properties()) {
            JsonNode value = resolve(field.getValue(), where + "." + field.getKey());
            if (!value.isMissingNode()) {
                out.set(field.getKey(), value);
            }
        }
        return out;
    }

    /** Resolves to text: the value must be a scalar. */
    public String resolveText(JsonNode node, String where) {
        JsonNode value = resolve(node, where);
        if (!value.isValueNode()) {
            throw new UnsupportedTemplateException(where + " must resolve to a string, not " + value);
        }
        return value.asText();
    }

    /** Whether the named condition of the template's {@code Conditions} holds. */
    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode definition = template.conditions().get(name);
        if (definition == null) {
            throw new UnsupportedTemplateException("condition " + name + " is not defined in Conditions");
        }
        boolean value = evaluate(definition, "Conditions." + name);
        conditionCache.put(name, value);
        return value;
    }

    private JsonNode function(String name, JsonNode argument, String where) {
        return switch (name) {
            case "Ref" -> ref(argument.asText(), where);
            case "Fn::GetAtt" -> getAtt(argument, where);
            case "Fn::Sub" -> new TextNode(sub(argument, where));
            case "Fn::Join" -> join(argument, where);
            case "Fn::Select" -> select(argument, where);
            case "Fn::Split" -> split(argument, where);
            case "Fn::FindInMap" -> findInMap(argument, where);
            case "Fn::If" -> conditional(argument, where);
            default -> throw new UnsupportedTemplateException(where + " uses " + name
                    + ", which the local runtime does not support (supported: Ref, Fn::GetAtt, Fn::Sub, Fn::Join,"
                    + " Fn::Select, Fn::Split, Fn::FindInMap, Fn::If)");
        };
    }

    private JsonNode ref(String target, String where) {
        if (target.equals("AWS::NoValue")) {
            return MissingNode.getInstance();
        }
        var parameter = parameters.value(target);
        if (parameter.isPresent()) {
            return parameter.get();
        }
        return references.ref(target).orElseThrow(() -> new UnsupportedTemplateException(
                where + " refers to " + target + ", which is neither a parameter nor a resource of the template"));
    }

    private JsonNode getAtt(JsonNode argument, String where) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new UnsupportedTemplateException(where + ": Fn::GetAtt takes [LogicalId, Attribute]");
        }
        String id = resolveText(argument.get(0), where);
        String attribute = resolveText(argument.get(1), where);
        return references.getAtt(id, attribute).orElseThrow(() -> new UnsupportedTemplateException(
                where + " asks for " + id + "." + attribute + ", which the local runtime does not provide"));
    }

    private String sub(JsonNode argument, String where) {
        String text;
        Map<String, JsonNode> variables = new HashMap<>();
        if (argument.isTextual()) {
            text = argument.asText();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(1).isObject()) {
            text = resolveText(argument.get(0), where);
            for (var field : argument.get(1).properties()) {
                variables.put(field.getKey(), resolve(field.getValue(), where + "." + field.getKey()));
            }
        } else {
            throw new UnsupportedTemplateException(where + ": Fn::Sub takes a string or [string, {variables}]");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                value = variables.get(variable).asText();
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                var pair = NODES.arrayNode().add(variable.substring(0, dot)).add(variable.substring(dot + 1));
                value = getAtt(pair, where).asText();
            } else {
                value = ref(variable, where).asText();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private JsonNode join(JsonNode argument, String where) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new UnsupportedTemplateException(where + ": Fn::Join takes [delimiter, [values]]");
        }
        String delimiter = resolveText(argument.get(0), where);
        JsonNode values = resolve(argument.get(1), where);
        var parts = new java.util.ArrayList<String>();
        values.forEach(value -> parts.add(value.asText()));
        return new TextNode(String.join(delimiter, parts));
    }

    private JsonNode select(JsonNode argument, String where) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new UnsupportedTemplateException(where + ": Fn::Select takes [index, [values]]");
        }
        int index = Integer.parseInt(resolveText(argument.get(0), where));
        JsonNode values = resolve(argument.get(1), where);
        if (!values.isArray() || index < 0 || index >= values.size()) {
            throw new UnsupportedTemplateException(where + ": Fn::Select index " + index + " is out of range");
        }
        return values.get(index);
    }

    private JsonNode split(JsonNode argument, String where) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new UnsupportedTemplateException(where + ": Fn::Split takes [delimiter, string]");
        }
        String delimiter = resolveText(argument.get(0), where);
        ArrayNode out = NODES.arrayNode();
        for (String part : resolveText(argument.get(1), where).split(Pattern.quote(delimiter), -1)) {
            out.add(part);
        }
        return out;
    }

    private JsonNode findInMap(JsonNode argument, String where) {
        if (!argument.isArray() || argument.size() != 3) {
            throw new UnsupportedTemplateException(where + ": Fn::FindInMap takes [map, key, key]");
        }
        JsonNode value = template.document().path("Mappings").path(resolveText(argument.get(0), where))
                .path(resolveText(argument.get(1), where)).path(resolveText(argument.get(2), where));
        if (value.isMissingNode()) {
            throw new UnsupportedTemplateException(where + ": Fn::FindInMap finds nothing for " + argument);
        }
        return resolve(value, where);
    }

    private JsonNode conditional(JsonNode argument, String where) {
        if (!argument.isArray() || argument.size() != 3) {
            throw new UnsupportedTemplateException(where + ": Fn::If takes [condition, then, else]");
        }
        return resolve(condition(argument.get(0).asText()) ? argument.get(1) : argument.get(2), where);
    }

    private boolean evaluate(JsonNode node, String where) {
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            if (key.equals("Condition")) {
                return condition(argument.asText());
            }
            if (CONDITION_FUNCTIONS.contains(key) && argument.isArray()) {
                return switch (key) {
                    case "Fn::Equals" ->
                            resolveText(argument.get(0), where).equals(resolveText(argument.get(1), where));
                    case "Fn::Not" -> !evaluate(argument.get(0), where);
                    case "Fn::And" -> all(argument, where, true);
                    default -> all(argument, where, false);
                };
            }
        }
        throw new UnsupportedTemplateException(where + " is not a condition the local runtime can evaluate");
    }

    private boolean all(JsonNode arguments, String where, boolean conjunction) {
        for (JsonNode argument : arguments) {
            if (evaluate(argument, where) != conjunction) {
                return !conjunction;
            }
        }
        return conjunction;
    }
}
