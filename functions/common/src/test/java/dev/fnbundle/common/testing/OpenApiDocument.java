package dev.fnbundle.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP API's OpenAPI 3.1 document ({@code infra/openapi.yaml}) as tests read it: its operations by route key,
 * local {@code $ref}s resolved, and any schema in it compiled (JSON Schema 2020-12, OpenAPI's dialect, formats
 * asserted) for validating a value.
 *
 * <p>Immutable after loading; compiled schemas are cached, so one instance serves every test of a JVM.
 */
public final class OpenApiDocument {
    /** Where the document lives, relative to the checkout's root. */
    public static final String LOCATION = "infra/openapi.yaml";
    /** The base URI under which the validator knows the document, so its {@code $ref}s resolve within it. */
    private static final String BASE_URI = "https://fnbundle.dev/openapi.json";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiDocument shared;

    private final JsonNode root;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
        String json;
        try {
            json = JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance())
                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE_URI, json))));
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    /** The repository's document, read once per JVM from {@code fnbundle.root} (the build sets it). */
    public static OpenApiDocument shared() {
        if (shared == null) {
            synchronized (OpenApiDocument.class) {
                if (shared == null) {
                    String root = System.getProperty("fnbundle.root", ".");
                    shared = read(Path.of(root).toAbsolutePath().normalize().resolve(LOCATION));
                }
            }
        }
        return shared;
    }

    /** Reads a document from a YAML (or JSON) file. */
    public static OpenApiDocument read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + file, e);
        }
    }

    /** Parses a document from YAML (or JSON) text. */
    public static OpenApiDocument parse(String yaml) {
        try {
            return new OpenApiDocument(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document does not parse", e);
        }
    }

    /** The whole document as a tree. */
    public JsonNode root() {
        return root;
    }

    /** Every operation as an API Gateway route key, e.g. {@code POST /runs/{id}/done}, sorted. */
    public List<String> routeKeys() {
        var keys = new TreeSet<String>();
        root.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        });
        return List.copyOf(keys);
    }

    /** The operation of a route key, e.g. {@code GET /runs/{id}}; empty when the document has none. */
    public Optional<Operation> operation(String routeKey) {
        if (routeKey == null || !routeKey.contains(" ")) {
            return Optional.empty();
        }
        String method = routeKey.substring(0, routeKey.indexOf(' ')).toLowerCase(Locale.ROOT);
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        JsonNode node = root.path("paths").path(path).path(method);
        return node.isObject() ? Optional.of(new Operation(routeKey, pointer("paths", path, method), node))
                : Optional.empty();
    }

    /**
     * The operation whose path template matches a concrete path, as API Gateway picks it: templates with more
     * literal segments first ({@code /feeds/parse} before {@code /feeds/{id}}).
     */
    public Optional<Operation> match(String method, String path) {
        var candidates = new ArrayList<String>();
        root.path("paths").fieldNames().forEachRemaining(candidates::add);
        candidates.sort(Comparator.comparingLong(OpenApiDocument::literalSegments).reversed());
        for (String template : candidates) {
            if (matches(template, path)) {
                return operation(method.toUpperCase(Locale.ROOT) + " " + template);
            }
        }
        return Optional.empty();
    }

    /** Follows {@code $ref}s (local ones, {@code #/...}) until a node that is not a reference. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref loop at " + current.get("$ref").asText());
            }
            current = target(current.get("$ref").asText());
        }
        return current;
    }

    /** The node a local reference such as {@code #/components/schemas/Problem} points at, or null. */
    public JsonNode target(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode node = root.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    /**
     * The compiled schema at a JSON pointer into the document, e.g. {@code /components/schemas/Problem}; its
     * {@code $ref}s resolve within the document.
     */
    public JsonSchema schemaAt(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> {
            if (root.at(p).isMissingNode()) {
                throw new IllegalArgumentException("no schema at " + p);
            }
            // Loaded through the document's URI, so that its local references resolve within the document.
            return factory.getSchema(SchemaLocation.of(BASE_URI + "#" + fragment(p)), config);
        });
    }

    /** A JSON pointer from unescaped reference tokens ({@code ~} and {@code /} escaped as RFC 6901 says). */
    public static String pointer(String... tokens) {
        var pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** A JSON pointer as a URI fragment: characters a fragment may not hold percent-encoded. */
    private static String fragment(String pointer) {
        var out = new StringBuilder();
        for (char c : pointer.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 0x80 || "/~-._!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        return out.toString();
    }

    private static long literalSegments(String template) {
        return List.of(template.split("/")).stream().filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
    }

    private static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (variable ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * One operation of the document.
     *
     * @param routeKey its route key, e.g. {@code GET /runs/{id}}
     * @param pointer  its JSON pointer in the document
     * @param node     the Operation Object
     */
    public record Operation(String routeKey, String pointer, JsonNode node) {
    }
}
