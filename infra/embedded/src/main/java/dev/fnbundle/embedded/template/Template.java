package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A SAM template as written: the document tree (short-form tags in long form) and where it came from.
 * {@link #resources()} applies the template's {@code Globals} to every {@code AWS::Serverless::Function} and
 * {@code AWS::Serverless::HttpApi}, the way the SAM transform does, so callers see effective properties.
 */
public final class Template {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final ObjectNode root;

    private Template(Path path, ObjectNode root) {
        this.path = path;
        this.root = root;
    }

    /**
     * Reads a template file.
     *
     * @throws UnsupportedTemplateException when it is not a YAML mapping with a {@code Resources} section
     */
    public static Template read(Path path) {
        try {
            return parse(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    /** Parses template text; {@code path} is used to resolve relative {@code CodeUri}s and in messages. */
    public static Template parse(Path path, String yaml) {
        Object document;
        try {
            document = CfnYaml.parse(yaml);
        } catch (YAMLException e) {
            throw new UnsupportedTemplateException(path + " is not valid YAML: " + e.getMessage());
        }
        JsonNode tree = MAPPER.valueToTree(document);
        if (!(tree instanceof ObjectNode object) || !object.path("Resources").isObject()) {
            throw new UnsupportedTemplateException(path + " is not a SAM template: it has no Resources section");
        }
        return new Template(path, object);
    }

    public Path path() {
        return path;
    }

    /** The directory {@code CodeUri}s are relative to. */
    public Path baseDirectory() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** The whole document, for schema validation. Do not modify. */
    public ObjectNode document() {
        return root;
    }

    public JsonNode parameters() {
        return root.path("Parameters");
    }

    public JsonNode conditions() {
        return root.path("Conditions");
    }

    /** The {@code Globals} section (missing node when there is none). */
    public JsonNode globals() {
        return root.path("Globals");
    }

    public JsonNode outputs() {
        return root.path("Outputs");
    }

    /** Every resource by logical id, in document order, functions with {@code Globals.Function} applied. */
    public Map<String, Resource> resources() {
        var resources = new LinkedHashMap<String, Resource>();
        JsonNode functionGlobals = root.path("Globals").path("Function");
        JsonNode apiGlobals = root.path("Globals").path("HttpApi");
        for (var entry : root.path("Resources").properties()) {
            JsonNode definition = entry.getValue();
            String type = definition.path("Type").asText("");
            JsonNode properties = definition.path("Properties").isObject()
                    ? definition.get("Properties") : JsonNodeFactory.instance.objectNode();
            if (type.equals("AWS::Serverless::Function") && functionGlobals.isObject()) {
                properties = Globals.merge(functionGlobals, properties);
            } else if (type.equals("AWS::Serverless::HttpApi") && apiGlobals.isObject()) {
                properties = Globals.merge(apiGlobals, properties);
            }
            resources.put(entry.getKey(), new Resource(entry.getKey(), type, (ObjectNode) properties,
                    definition.path("Condition").asText(null)));
        }
        return resources;
    }

    /** One resource: its logical id, type, effective properties (intrinsics unresolved) and condition. */
    public record Resource(String logicalId, String type, ObjectNode properties, String condition) {
    }
}
