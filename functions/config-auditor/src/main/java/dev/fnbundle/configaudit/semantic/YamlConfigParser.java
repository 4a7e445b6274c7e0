package dev.fnbundle.configaudit.semantic;

import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.SortedMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One YAML document through SnakeYAML's {@link SafeConstructor}: standard tags only (a custom tag is an error),
 * no duplicate keys, at most {@value #MAX_ALIASES} aliases, {@value #MAX_DEPTH} levels of nesting and
 * {@value #MAX_CODE_POINTS} code points. Merge keys ({@code <<}) are applied.
 *
 * <p>Paths: {@code database.host}, {@code servers[0]}, {@code servers[1].name}. Values are the constructed
 * scalars as text, so {@code port: 8080} and {@code port: "8080"} are equal, as are {@code yes} and
 * {@code true}; timestamps are ISO-8601 instants and binary is Base64. A document that is a single scalar has
 * the one key {@code $}.
 */
public final class YamlConfigParser implements ConfigParser {
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    @Override
    public SortedMap<String, ConfigEntry> parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options())).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            throw new ConfigParseException(ConfigFormat.YAML, line, column, SafeMessages.redact(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new ConfigParseException(ConfigFormat.YAML, 1, 1, SafeMessages.redact(e.getMessage()), e);
        }
        LeafCollector leaves = new LeafCollector(ConfigFormat.YAML);
        if (root != null) {
            flatten(leaves, "", "$", root, 0);
        }
        return leaves.entries();
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static void flatten(LeafCollector leaves, String path, String name, Object node, int depth) {
        if (depth > MAX_DEPTH) {
            // Only a self-referencing alias gets here: the loader already bounds written nesting.
            throw new ConfigParseException(ConfigFormat.YAML, 1, 1, "nesting deeper than " + MAX_DEPTH
                    + " levels (recursive alias?)");
        }
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = scalarText(e.getKey());
                flatten(leaves, KeyPaths.child(path, key), key, e.getValue(), depth + 1);
            }
        } else if (node instanceof Collection<?> items && !items.isEmpty()) {
            int i = 0;
            for (Object item : items) {
                flatten(leaves, KeyPaths.index(path.isEmpty() ? "" : path, i++), name, item, depth + 1);
            }
        } else {
            leaves.put(path.isEmpty() ? "$" : path, name, scalarText(node), 1, 1);
        }
    }

    private static String scalarText(Object value) {
        if (value instanceof Map<?, ?>) {
            return ((Map<?, ?>) value).isEmpty() ? "{}" : value.toString();
        }
        if (value instanceof Collection<?>) {
            return ((Collection<?>) value).isEmpty() ? "[]" : value.toString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }
}
