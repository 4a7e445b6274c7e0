package dev.fnbundle.embedded.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML: the short-form tags ({@code !Ref x}, {@code !GetAtt A.B}, {@code !Sub ...}) become
 * their long forms ({@code {"Ref": "x"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": ...}}), unquoted
 * dates stay strings, and only plain YAML types are built (no arbitrary classes, bounded aliases, no duplicate
 * keys) — the same reading {@code sam} and CloudFormation give a template.
 */
final class CfnYaml {
    private CfnYaml() {
    }

    /** Parses one YAML document into maps, lists and scalars. */
    static Object parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(5 * 1024 * 1024);
        return new Yaml(new Constructor(options)).load(yaml);
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlMultiConstructors.put("!", new ShortFormTag());
        }

        private final class ShortFormTag extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue().substring(1);
                Object value = switch (node) {
                    case ScalarNode scalar -> scalar.getValue();
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("unexpected YAML node " + node.getNodeId());
                };
                Map<String, Object> longForm = new LinkedHashMap<>();
                switch (tag) {
                    case "Ref", "Condition" -> longForm.put(tag, value);
                    case "GetAtt" -> longForm.put("Fn::GetAtt", value instanceof String dotted
                            ? splitGetAtt(dotted) : value);
                    default -> longForm.put("Fn::" + tag, value);
                }
                return longForm;
            }

            private List<String> splitGetAtt(String dotted) {
                int dot = dotted.indexOf('.');
                if (dot < 0) {
                    return new ArrayList<>(List.of(dotted));
                }
                return new ArrayList<>(List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
            }
        }
    }
}
