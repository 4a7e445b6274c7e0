package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of terms that cannot all hold, with why: the request's own requirement, a candidate's dependency, or a
 * derivation from two earlier incompatibilities (PubGrub's conflict resolution).
 */
final class Incompatibility {
    enum Kind { ROOT, DEPENDENCY, DERIVED }

    final List<Term> terms;
    final Kind kind;
    /** For DEPENDENCY: the depending package, its candidate index, and the requirement. */
    final int depender;
    final int dependerCandidate;
    final Requirement requirement;
    /** For DERIVED: the two causes. */
    final Incompatibility left;
    final Incompatibility right;

    private Incompatibility(List<Term> terms, Kind kind, int depender, int dependerCandidate,
                            Requirement requirement, Incompatibility left, Incompatibility right) {
        this.terms = terms;
        this.kind = kind;
        this.depender = depender;
        this.dependerCandidate = dependerCandidate;
        this.requirement = requirement;
        this.left = left;
        this.right = right;
    }

    /** {not root}: the request must be resolved. */
    static Incompatibility root(Term notRoot) {
        return new Incompatibility(List.of(notRoot), Kind.ROOT, -1, -1, null, null, null);
    }

    static Incompatibility dependency(List<Term> terms, int depender, int candidate, Requirement requirement) {
        return new Incompatibility(merged(terms, false), Kind.DEPENDENCY, depender, candidate, requirement, null,
                null);
    }

    static Incompatibility derived(List<Term> terms, Incompatibility left, Incompatibility right) {
        return new Incompatibility(merged(terms, true), Kind.DERIVED, -1, -1, null, left, right);
    }

    boolean isDerived() {
        return kind == Kind.DERIVED;
    }

    /** No terms, or only "the request is resolved": no solution exists. */
    boolean isFailure() {
        return terms.isEmpty() || terms.size() == 1 && terms.get(0).pkg == Catalog.ROOT && terms.get(0).isPositive();
    }

    /**
     * One term per package (intersections), universal terms dropped since they always hold; like pub, a derived
     * incompatibility drops the positive root term when other terms remain, which shortens explanations.
     */
    private static List<Term> merged(List<Term> terms, boolean derived) {
        Map<Integer, Term> byPackage = new LinkedHashMap<>();
        for (Term term : terms) {
            byPackage.merge(term.pkg, term, Term::intersect);
        }
        List<Term> result = new ArrayList<>();
        for (Term term : byPackage.values()) {
            if (!term.isUniversal()) {
                result.add(term);
            }
        }
        if (derived && result.size() > 1) {
            result.removeIf(term -> term.pkg == Catalog.ROOT && term.isPositive());
        }
        return List.copyOf(result);
    }
}
