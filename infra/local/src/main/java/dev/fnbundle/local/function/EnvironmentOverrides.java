package dev.fnbundle.local.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment-variables file in SAM CLI's format ({@code --env-vars}):
 * {@code {"Parameters": {"LOG_LEVEL": "DEBUG"}, "OrdersApiFunction": {"TABLE": "x"}}}. {@code Parameters} applies
 * to every function, a function's logical id to that function, which wins over {@code Parameters}. As in SAM CLI,
 * only variables the template declares in a function's {@code Environment} are overridden: the file changes
 * values, never the set of variables, so a function sees locally what it will see in AWS. Variables that change
 * nothing are listed as {@link #unused()}; a key that names no function is an error.
 */
public final class EnvironmentOverrides {
    /** The key of the values for every function. */
    public static final String ALL = "Parameters";
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final Map<String, Map<String, String>> byKey;
    private final List<String> unused;

    private EnvironmentOverrides(Map<String, Map<String, String>> byKey, List<String> unused) {
        this.byKey = byKey;
        this.unused = unused;
    }

    /** No file: the template's values. */
    public static EnvironmentOverrides none() {
        return new EnvironmentOverrides(Map.of(), List.of());
    }

    /**
     * Reads and checks {@code file} against the functions of {@code model}.
     *
     * @throws UserFacingException when the file cannot be read, is not in SAM CLI's format, or names no function
     */
    public static EnvironmentOverrides read(Path file, StackModel model) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserFacingException("--env-vars " + file + " is larger than 1 MB");
            }
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserFacingException("--env-vars " + file + " cannot be read as JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UserFacingException("--env-vars " + file + " must be a JSON object of function logical ids"
                    + " (or \"Parameters\") to objects of variables");
        }
        var byKey = new LinkedHashMap<String, Map<String, String>>();
        for (var entry : root.properties()) {
            String key = entry.getKey();
            if (!key.equals(ALL) && !model.functions().containsKey(key)) {
                throw new UserFacingException("--env-vars " + file + ": \"" + key + "\" names no function of the"
                        + " template; use a function's logical id (" + String.join(", ", model.functions().keySet())
                        + ") or \"Parameters\" for all functions");
            }
            byKey.put(key, variables(file, key, entry.getValue()));
        }
        return new EnvironmentOverrides(byKey, unused(byKey, model));
    }

    private static Map<String, String> variables(Path file, String key, JsonNode values) {
        if (!values.isObject()) {
            throw new UserFacingException("--env-vars " + file + ": \"" + key + "\" must map variable names to"
                    + " values");
        }
        var variables = new LinkedHashMap<String, String>();
        for (var variable : values.properties()) {
            JsonNode value = variable.getValue();
            if (value.isContainerNode()) {
                throw new UserFacingException("--env-vars " + file + ": " + key + "." + variable.getKey()
                        + " must be a string, a number or a boolean");
            }
            // As SAM CLI: numbers and booleans as JSON writes them, null as an empty value.
            variables.put(variable.getKey(), value.isNull() ? "" : value.asText());
        }
        return variables;
    }

    /** Variables that override nothing: not declared by the function they name, or by any function. */
    private static List<String> unused(Map<String, Map<String, String>> byKey, StackModel model) {
        var unused = new ArrayList<String>();
        byKey.forEach((key, variables) -> variables.keySet().forEach(name -> {
            boolean declared = key.equals(ALL)
                    ? model.functions().values().stream().anyMatch(f -> f.environment().containsKey(name))
                    : model.functions().get(key).environment().containsKey(name);
            if (!declared) {
                unused.add(key + "." + name + (key.equals(ALL) ? " (no function declares it)"
                        : " (not in the function's Environment in the template)"));
            }
        }));
        return unused;
    }

    /** The function's template variables, with the file's values for those it declares. */
    public Map<String, String> apply(FunctionSpec spec) {
        var environment = new LinkedHashMap<>(spec.environment());
        for (String key : List.of(ALL, spec.logicalId())) {
            byKey.getOrDefault(key, Map.of()).forEach((name, value) -> environment.replace(name, value));
        }
        return environment;
    }

    /** The file's variables that change nothing, as {@code Key.NAME (why)}. */
    public List<String> unused() {
        return List.copyOf(unused);
    }
}
