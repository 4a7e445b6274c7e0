package dev.fnbundle.local.webconsole;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The HTTP API's OpenAPI document, kept in the repository as YAML ({@code infra/openapi.yaml} beside the
 * template) and served as JSON. Read at each request, so an edit shows at once. Plain YAML only: no custom
 * tags, no duplicate keys, few aliases, dates kept as the strings they are written as.
 */
final class OpenApiDocument {
    static final String LOCATION = "infra/openapi.yaml";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    private final Path path;

    /** @param root the directory of template.yaml */
    OpenApiDocument(Path root) {
        this.path = root.resolve(LOCATION);
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /**
     * The document as JSON.
     *
     * @throws IOException when it cannot be read or is not one YAML mapping
     */
    byte[] json() throws IOException {
        String yaml = Files.readString(path);
        if (yaml.length() > MAX_CHARS) {
            throw new IOException(path + " is larger than " + MAX_CHARS + " characters");
        }
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(MAX_CHARS);
        Object document;
        try {
            document = new Yaml(new PlainConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw new IOException(path + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof java.util.Map)) {
            throw new IOException(path + " is not a YAML mapping");
        }
        return MAPPER.writeValueAsBytes(document);
    }

    /** SnakeYAML's safe types, with timestamps left as text (OpenAPI examples are strings, not dates). */
    private static final class PlainConstructor extends SafeConstructor {
        PlainConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}
