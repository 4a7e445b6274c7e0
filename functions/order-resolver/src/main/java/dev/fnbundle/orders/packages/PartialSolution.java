package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** PubGrub's partial solution: decisions and derivations with decision levels, undone by backtracking. */
final class PartialSolution {
    enum Relation { SATISFIED, CONTRADICTED, INCONCLUSIVE }

    /** One decision or derivation; {@code previous} is the package's accumulated term before it (null: none). */
    record Assignment(Term term, Term previous, Term accumulated, int level, Incompatibility cause, int index) {
        boolean isDecision() {
            return cause == null;
        }
    }

    private final List<Assignment> assignments = new ArrayList<>();
    private final Term[] accumulated;
    private final int[] decided;
    private int level;

    PartialSolution(int packageCount) {
        accumulated = new Term[packageCount];
        decided = new int[packageCount];
        Arrays.fill(decided, -1);
    }

    int level() {
        return level;
    }

    /** The package's accumulated term, or null when nothing is assigned. */
    Term accumulated(int pkg) {
        return accumulated[pkg];
    }

    /** The chosen candidate of a package, or -1. */
    int decided(int pkg) {
        return decided[pkg];
    }

    void decide(Term single, int candidate) {
        level++;
        decided[single.pkg] = candidate;
        assign(single, null);
    }

    void derive(Term term, Incompatibility cause) {
        assign(term, cause);
    }

    Relation relation(Term term) {
        Term current = accumulated[term.pkg];
        if (current == null) {
            return term.isEmpty() ? Relation.CONTRADICTED : Relation.INCONCLUSIVE;
        }
        if (current.satisfies(term)) {
            return Relation.SATISFIED;
        }
        return current.isDisjoint(term) ? Relation.CONTRADICTED : Relation.INCONCLUSIVE;
    }

    /** The earliest assignment after which the package's accumulated term satisfies {@code term}. */
    Assignment satisfier(Term term) {
        for (Assignment assignment : assignments) {
            if (assignment.term().pkg == term.pkg && assignment.accumulated().satisfies(term)) {
                return assignment;
            }
        }
        throw new IllegalStateException("no assignment satisfies a term of package " + term.pkg);
    }

    /** Removes every assignment above {@code toLevel}. */
    void backtrack(int toLevel) {
        while (!assignments.isEmpty() && assignments.get(assignments.size() - 1).level() > toLevel) {
            Assignment last = assignments.remove(assignments.size() - 1);
            int pkg = last.term().pkg;
            accumulated[pkg] = last.previous();
            if (last.isDecision()) {
                decided[pkg] = -1;
            }
        }
        level = toLevel;
    }

    private void assign(Term term, Incompatibility cause) {
        Term previous = accumulated[term.pkg];
        Term next = previous == null ? term : previous.intersect(term);
        accumulated[term.pkg] = next;
        assignments.add(new Assignment(term, previous, next, level, cause, assignments.size()));
    }
}
