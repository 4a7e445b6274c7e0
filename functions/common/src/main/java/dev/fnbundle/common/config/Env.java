package dev.fnbundle.common.config;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a function's configuration from its environment, the way the template sets it. A missing required
 * variable fails the cold start with a message that names it, instead of a NullPointerException later.
 */
public final class Env {
    private final Map<String, String> variables;

    private Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process environment. */
    public static Env system() {
        return new Env(System.getenv());
    }

    /** A fixed environment, for tests and for the local runtime. */
    public static Env of(Map<String, String> variables) {
        return new Env(variables);
    }

    /**
     * The value of a variable that must be set and non-blank.
     *
     * @throws IllegalStateException naming the variable when it is missing
     */
    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name
                    + " is not set; the template sets it for every deployed function");
        }
        return value;
    }

    /** The value of an optional variable; blank counts as unset. */
    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** An optional integer variable, or {@code fallback}. */
    public int integer(String name, int fallback) {
        return optional(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("environment variable " + name + " must be an integer", e);
            }
        }).orElse(fallback);
    }

    /** An optional boolean variable ("true"/"false", any case), or {@code fallback}. */
    public boolean flag(String name, boolean fallback) {
        return optional(name).map(value -> Boolean.parseBoolean(value.trim())).orElse(fallback);
    }
}
