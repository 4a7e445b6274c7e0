package dev.fnbundle.configaudit.semantic;

import java.util.Locale;
import java.util.Optional;

/** The config formats the auditor parses into key paths. */
public enum ConfigFormat {
    /**
     * configparser-like INI, lenient as systemd, git config, php.ini and my.cnf need: {@code [section]},
     * {@code key = value} / {@code key: value}, repeated keys kept (see {@link IniParser}).
     */
    INI,
    /** {@code java.util.Properties}. */
    PROPERTIES,
    /** YAML 1.1 via SnakeYAML's safe constructor. */
    YAML,
    /** Strict JSON (RFC 8259), duplicate keys rejected. */
    JSON,
    /** nginx-style {@code key value;} directives and {@code name { ... }} blocks. */
    NGINX;

    /** The lower-case name used on the wire, e.g. {@code "yaml"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a format up by its label, case-insensitively; {@code "yml"}, {@code "conf"} and {@code "cfg"} are
     * accepted as aliases of yaml, nginx and ini. Empty for null or unknown names.
     */
    public static Optional<ConfigFormat> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "ini", "cfg" -> Optional.of(INI);
            case "properties" -> Optional.of(PROPERTIES);
            case "yaml", "yml" -> Optional.of(YAML);
            case "json" -> Optional.of(JSON);
            case "nginx", "conf" -> Optional.of(NGINX);
            default -> Optional.empty();
        };
    }

    /** A fresh parser for this format; parsers are cheap and hold no state between calls. */
    public ConfigParser parser() {
        return switch (this) {
            case INI -> new IniParser();
            case PROPERTIES -> new PropertiesParser();
            case YAML -> new YamlConfigParser();
            case JSON -> new JsonConfigParser();
            case NGINX -> new NginxParser();
        };
    }
}
