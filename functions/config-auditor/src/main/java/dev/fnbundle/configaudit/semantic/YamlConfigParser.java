package dev.fnbundle.configaudit.semantic;

import dev.fnbundle.configaudit.secrets.SecretPolicy;
import java.io.StringReader;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML document through SnakeYAML's {@link SafeConstructor}: standard tags only (a custom tag is an error),
 * no duplicate keys, at most {@value #MAX_ALIASES} aliases, {@value #MAX_DEPTH} levels of nesting,
 * {@value #MAX_CODE_POINTS} code points and lines of {@value #MAX_LINE_LENGTH} characters. Merge keys
 * ({@code <<}) are applied.
 *
 * <p>Paths: {@code database.host}, {@code servers[0]}, {@code servers[1].name}. Values are the constructed
 * scalars as text, so {@code port: 8080} and {@code port: "8080"} are equal, as are {@code yes} and
 * {@code true}; timestamps are ISO-8601 instants and binary is Base64. A document that is a single scalar has
 * the one key {@code $}.
 *
 * <p>Every scalar below a secret key is secret, whether it is written plain, quoted over several lines, as a
 * block ({@code |}, {@code >}), as an item of a sequence, or through an alias; its position is its node's
 * (SnakeYAML counts code points, which are mapped back to UTF-16 offsets).
 */
public final class YamlConfigParser implements ConfigParser {
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /**
     * Longest line read. SnakeYAML keeps a token's characters in a window that it copies each time it reads 1 KB
     * more, so one long token (a scalar or comment without a line break) costs time quadratic in its length: about
     * 1 s for 1 MB and 4 s for 5 MB. Capping lines at 256 K characters keeps a 5 MB document under ~0.5 s while a
     * quoted 4096-bit key (3 KB), or even 100 KB of base64 on one line, still reads.
     */
    static final int MAX_LINE_LENGTH = 256 * 1024;

    @Override
    public ParsedConfig read(String text) {
        refuseLongLines(text);
        Constructor constructor = new Constructor(options());
        Node node;
        Object root;
        try {
            // Yaml applies the options to the constructor (duplicate keys among them); the values are constructed
            // from the composed node, so that the node tree (with merges applied) and the values agree.
            node = new Yaml(constructor).compose(new StringReader(text));
            root = node == null ? null : constructor.construct(node);
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
            flatten(leaves, "", "$", root, false, 0);
            new SecretSpans(text, leaves).visit(node, false);
        }
        return leaves.parsed();
    }

    /** Exposes the safe constructor's document construction for a node composed beforehand. */
    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }

    private static void refuseLongLines(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r';
            if (!end) {
                continue;
            }
            if (i - start > MAX_LINE_LENGTH) {
                throw new ConfigParseException(ConfigFormat.YAML, line, MAX_LINE_LENGTH + 1, "a line longer than "
                        + MAX_LINE_LENGTH + " characters is too long to read in bounded time");
            }
            if (i < text.length() && text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            line++;
            start = i + 1;
        }
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

    private static void flatten(LeafCollector leaves, String path, String name, Object node, boolean secret,
                                int depth) {
        if (depth > MAX_DEPTH) {
            // Only a self-referencing alias gets here: the loader already bounds written nesting.
            throw new ConfigParseException(ConfigFormat.YAML, 1, 1, "nesting deeper than " + MAX_DEPTH
                    + " levels (recursive alias?)");
        }
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = scalarText(e.getKey());
                flatten(leaves, KeyPaths.child(path, key), key, e.getValue(),
                        secret || SecretPolicy.isSecretName(key), depth + 1);
            }
        } else if (node instanceof Collection<?> items && !items.isEmpty()) {
            int i = 0;
            for (Object item : items) {
                flatten(leaves, KeyPaths.index(path.isEmpty() ? "" : path, i++), name, item, secret, depth + 1);
            }
        } else {
            leaves.put(path.isEmpty() ? "$" : path, name, scalarText(node), secret, 1, 1);
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

    /** Walks the node tree and records the position of every scalar below a secret key. */
    private static final class SecretSpans {
        private final LeafCollector leaves;
        private final int[] charOffsets;
        /** Nodes visited, and whether under a secret key: an alias is visited again only to make it secret. */
        private final Map<Node, Boolean> seen = new IdentityHashMap<>();

        SecretSpans(String text, LeafCollector leaves) {
            this.leaves = leaves;
            this.charOffsets = text.codePointCount(0, text.length()) == text.length() ? null : charOffsets(text);
        }

        void visit(Node node, boolean secret) {
            Boolean before = seen.get(node);
            if (before != null && (before || !secret)) {
                return;
            }
            seen.put(node, secret);
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    boolean secretKey = tuple.getKeyNode() instanceof ScalarNode key
                            && SecretPolicy.isSecretName(key.getValue());
                    visit(tuple.getValueNode(), secret || secretKey);
                }
            } else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    visit(item, secret);
                }
            } else if (secret && node.getStartMark() != null && node.getEndMark() != null) {
                leaves.secretAt(offset(node.getStartMark().getIndex()), offset(node.getEndMark().getIndex()));
            }
        }

        private int offset(int codePointIndex) {
            return charOffsets == null ? codePointIndex : charOffsets[codePointIndex];
        }

        private static int[] charOffsets(String text) {
            int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                offsets[cp++] = i;
            }
            offsets[cp] = text.length();
            return offsets;
        }
    }
}
