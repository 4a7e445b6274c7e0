package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * PubGrub (unit propagation, decision making, conflict-driven learning with backjumping) over a {@link Catalog}.
 *
 * <p>Decision heuristic, as pub's: the undecided required package with the fewest remaining candidates (ties:
 * first listed), at its most preferred remaining candidate. Each propagation or conflict-resolution step counts
 * against a budget; past it the search stops with {@link ResolutionTooComplexException}. One-shot.
 */
final class VersionSolver {
    private static final int NOTHING = -1;
    private static final int CONFLICT = -2;

    private final Catalog catalog;
    private final int maxSteps;
    private final PartialSolution solution;
    private final List<List<Incompatibility>> byPackage = new ArrayList<>();
    private final List<BitSet> dependenciesAdded = new ArrayList<>();
    private int steps;

    VersionSolver(Catalog catalog, int maxSteps) {
        this.catalog = catalog;
        this.maxSteps = maxSteps;
        this.solution = new PartialSolution(catalog.packageCount());
        for (int pkg = 0; pkg < catalog.packageCount(); pkg++) {
            byPackage.add(new ArrayList<>());
            dependenciesAdded.add(new BitSet());
        }
    }

    /**
     * The chosen candidate index per package (-1: not selected; index 0 is the request itself).
     *
     * @throws VersionConflictException      when no solution exists, with PubGrub's explanation
     * @throws ResolutionTooComplexException when the step budget runs out
     */
    int[] solve() {
        int rootWidth = catalog.width(Catalog.ROOT);
        BitSet notSelected = new BitSet();
        notSelected.set(rootWidth - 1);
        add(Incompatibility.root(new Term(Catalog.ROOT, notSelected, rootWidth)));
        int next = Catalog.ROOT;
        while (next >= 0) {
            propagate(next);
            next = decide();
        }
        int[] chosen = new int[catalog.packageCount()];
        for (int pkg = 0; pkg < chosen.length; pkg++) {
            chosen[pkg] = solution.decided(pkg);
        }
        return chosen;
    }

    private void propagate(int start) {
        SequencedSet<Integer> changed = new LinkedHashSet<>();
        changed.add(start);
        while (!changed.isEmpty()) {
            int pkg = changed.removeFirst();
            List<Incompatibility> incompatibilities = byPackage.get(pkg);
            // Newest first: learned incompatibilities are the most general and derive the most.
            for (int i = incompatibilities.size() - 1; i >= 0; i--) {
                Incompatibility incompatibility = incompatibilities.get(i);
                int result = propagate(incompatibility);
                if (result == CONFLICT) {
                    Incompatibility rootCause = resolveConflict(incompatibility);
                    changed.clear();
                    int derived = propagate(rootCause);
                    if (derived >= 0) {
                        changed.add(derived);
                    }
                    break;
                }
                if (result >= 0) {
                    changed.add(result);
                }
            }
        }
    }

    /** Derives from an almost satisfied incompatibility: the package derived, NOTHING or CONFLICT. */
    private int propagate(Incompatibility incompatibility) {
        countStep();
        Term unsatisfied = null;
        for (Term term : incompatibility.terms) {
            PartialSolution.Relation relation = solution.relation(term);
            if (relation == PartialSolution.Relation.CONTRADICTED) {
                return NOTHING;
            }
            if (relation == PartialSolution.Relation.INCONCLUSIVE) {
                if (unsatisfied != null) {
                    return NOTHING;
                }
                unsatisfied = term;
            }
        }
        if (unsatisfied == null) {
            return CONFLICT;
        }
        solution.derive(unsatisfied.negate(), incompatibility);
        return unsatisfied.pkg;
    }

    private Incompatibility resolveConflict(Incompatibility conflict) {
        Incompatibility incompatibility = conflict;
        while (!incompatibility.isFailure()) {
            countStep();
            Term mostRecentTerm = null;
            PartialSolution.Assignment mostRecent = null;
            Term difference = null;
            int previousLevel = 1;
            for (Term term : incompatibility.terms) {
                PartialSolution.Assignment satisfier = solution.satisfier(term);
                if (mostRecent == null) {
                    mostRecentTerm = term;
                    mostRecent = satisfier;
                } else if (mostRecent.index() < satisfier.index()) {
                    previousLevel = Math.max(previousLevel, mostRecent.level());
                    mostRecentTerm = term;
                    mostRecent = satisfier;
                    difference = null;
                } else {
                    previousLevel = Math.max(previousLevel, satisfier.level());
                }
                if (mostRecentTerm == term) {
                    Term rest = mostRecent.term().intersect(term.negate());
                    difference = rest.isEmpty() ? null : rest;
                    if (difference != null) {
                        previousLevel = Math.max(previousLevel, solution.satisfier(difference.negate()).level());
                    }
                }
            }
            if (previousLevel < mostRecent.level() || mostRecent.isDecision()) {
                solution.backtrack(previousLevel);
                if (incompatibility != conflict) {
                    add(incompatibility);
                }
                return incompatibility;
            }
            incompatibility = priorCause(incompatibility, mostRecentTerm, mostRecent, difference);
        }
        throw new ConflictExplainer(catalog).failure(incompatibility);
    }

    /**
     * PubGrub's prior cause: the incompatibility without its most recently satisfied term, joined with the cause of
     * that term's satisfier (minus the satisfier's own package) and, when the satisfier only partly satisfied it,
     * the negated difference.
     */
    private static Incompatibility priorCause(Incompatibility incompatibility, Term mostRecentTerm,
                                              PartialSolution.Assignment mostRecent, Term difference) {
        List<Term> terms = new ArrayList<>();
        for (Term term : incompatibility.terms) {
            if (term != mostRecentTerm) {
                terms.add(term);
            }
        }
        for (Term term : mostRecent.cause().terms) {
            if (term.pkg != mostRecent.term().pkg) {
                terms.add(term);
            }
        }
        if (difference != null) {
            terms.add(difference.negate());
        }
        return Incompatibility.derived(terms, incompatibility, mostRecent.cause());
    }

    /** Picks and decides the next package; returns it, or -1 when every required package is decided. */
    private int decide() {
        int pkg = nextPackage();
        if (pkg < 0) {
            return -1;
        }
        int candidate = solution.accumulated(pkg).candidates().nextSetBit(0);
        boolean conflict = false;
        for (Incompatibility incompatibility : dependencies(pkg, candidate)) {
            conflict |= incompatibility.terms.stream()
                    .allMatch(t -> t.pkg == pkg || solution.relation(t) == PartialSolution.Relation.SATISFIED);
        }
        if (!conflict) {
            BitSet single = new BitSet();
            single.set(candidate);
            solution.decide(Term.positive(pkg, single, catalog.width(pkg)), candidate);
        }
        return pkg;
    }

    /** The undecided package that must be selected with the fewest candidates left; -1 when there is none. */
    private int nextPackage() {
        int best = -1;
        int bestCount = Integer.MAX_VALUE;
        for (int pkg = 0; pkg < catalog.packageCount(); pkg++) {
            Term term = solution.accumulated(pkg);
            if (solution.decided(pkg) < 0 && term != null && term.isPositive() && !term.isEmpty()) {
                int count = term.candidates().cardinality();
                if (count < bestCount) {
                    best = pkg;
                    bestCount = count;
                }
            }
        }
        return best;
    }

    /** Adds (once) and returns the incompatibilities of a candidate's requirements. */
    private List<Incompatibility> dependencies(int pkg, int candidate) {
        List<Incompatibility> result = new ArrayList<>();
        if (dependenciesAdded.get(pkg).get(candidate)) {
            return result;
        }
        dependenciesAdded.get(pkg).set(candidate);
        BitSet self = new BitSet();
        self.set(candidate);
        for (Requirement requirement : catalog.candidates(pkg).get(candidate).requires()) {
            int dependency = catalog.id(requirement.key());
            BitSet matching = new BitSet();
            List<Candidate> versions = catalog.candidates(dependency);
            for (int v = 0; v < versions.size(); v++) {
                if (requirement.specifiers().matches(versions.get(v).version())) {
                    matching.set(v);
                }
            }
            Term depends = Term.positive(dependency, matching, catalog.width(dependency)).negate();
            Incompatibility incompatibility = Incompatibility.dependency(
                    List.of(Term.positive(pkg, self, catalog.width(pkg)), depends), pkg, candidate, requirement);
            if (incompatibility.terms.stream().noneMatch(Term::isEmpty)) {
                add(incompatibility);
                result.add(incompatibility);
            }
        }
        return result;
    }

    private void add(Incompatibility incompatibility) {
        for (Term term : incompatibility.terms) {
            byPackage.get(term.pkg).add(incompatibility);
        }
    }

    private void countStep() {
        if (++steps > maxSteps) {
            throw new ResolutionTooComplexException(maxSteps);
        }
    }
}
