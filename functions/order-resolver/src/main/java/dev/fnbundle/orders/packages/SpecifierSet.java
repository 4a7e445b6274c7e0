package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Comma-joined version clauses, all of which must hold ({@code >=2.28,<3}); empty matches every version. */
public final class SpecifierSet {
    private final List<VersionSpecifier> clauses;

    private SpecifierSet(List<VersionSpecifier> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    /**
     * Parses {@code text}; blank means "any version".
     *
     * @throws VersionSyntaxException when a clause is malformed
     */
    public static SpecifierSet parse(String text) {
        List<VersionSpecifier> clauses = new ArrayList<>();
        if (!text.isBlank()) {
            for (String clause : text.split(",", -1)) {
                clauses.add(VersionSpecifier.parse(clause));
            }
        }
        return new SpecifierSet(clauses);
    }

    /** Whether every clause matches {@code version}. */
    public boolean matches(Version version) {
        for (VersionSpecifier clause : clauses) {
            if (!clause.matches(version)) {
                return false;
            }
        }
        return true;
    }

    /** Whether there is no clause. */
    public boolean isAny() {
        return clauses.isEmpty();
    }

    /** The clauses joined by commas; empty for "any version". */
    @Override
    public String toString() {
        return clauses.stream().map(VersionSpecifier::toString).collect(Collectors.joining(","));
    }
}
