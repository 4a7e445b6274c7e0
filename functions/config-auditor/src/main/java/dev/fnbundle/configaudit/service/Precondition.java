package dev.fnbundle.configaudit.service;

import java.util.Set;

/** The precondition of a baseline write, from its {@code If-Match} / {@code If-None-Match} headers. */
public sealed interface Precondition {
    /** No precondition: the write may only create (an existing baseline answers 428). */
    record None() implements Precondition {
    }

    /** {@code If-None-Match: *}: create only (an existing baseline answers 412). */
    record CreateOnly() implements Precondition {
    }

    /**
     * {@code If-Match}: update only while the latest version is one of {@code versions}, or any version for
     * {@code *} (412 otherwise, and when the baseline does not exist).
     */
    record IfMatch(boolean any, Set<Long> versions) implements Precondition {
        public IfMatch {
            versions = Set.copyOf(versions);
        }
    }
}
