package dev.fnbundle.orders.packages;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes PubGrub's error report for a failed resolution: the derivation graph of the final incompatibility as
 * numbered lines ("Because A and B, C."), following pub's reporting algorithm, plus the external constraints
 * the derivation rests on.
 */
final class ConflictExplainer {
    private static final String CONCLUSION = "no set of versions satisfies the request";

    private final Catalog catalog;
    private final TermDescriber terms;
    private final Map<Incompatibility, Integer> derivations = new IdentityHashMap<>();
    private final Map<Incompatibility, Integer> lineNumbers = new IdentityHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();

    ConflictExplainer(Catalog catalog) {
        this.catalog = catalog;
        this.terms = new TermDescriber(catalog);
    }

    /** The exception for a failure incompatibility. */
    VersionConflictException failure(Incompatibility root) {
        if (root.isDerived()) {
            countDerivations(root);
            visit(root, true);
        } else {
            write(root, "Because " + describe(root) + ", " + CONCLUSION + ".", false);
        }
        return new VersionConflictException(render(), constraints(root));
    }

    private void countDerivations(Incompatibility incompatibility) {
        if (derivations.merge(incompatibility, 1, Integer::sum) == 1 && incompatibility.isDerived()) {
            countDerivations(incompatibility.left);
            countDerivations(incompatibility.right);
        }
    }

    private void visit(Incompatibility incompatibility, boolean conclusion) {
        boolean numbered = conclusion || derivations.getOrDefault(incompatibility, 0) > 1;
        String conjunction = conclusion ? "So," : "And";
        String text = describe(incompatibility);
        Incompatibility left = incompatibility.left;
        Incompatibility right = incompatibility.right;
        if (left.isDerived() && right.isDerived()) {
            Integer leftLine = lineNumbers.get(left);
            Integer rightLine = lineNumbers.get(right);
            if (leftLine != null && rightLine != null) {
                write(incompatibility, "Because " + and(left, leftLine, right, rightLine) + ", " + text + ".",
                        numbered);
            } else if (leftLine != null || rightLine != null) {
                Incompatibility withLine = leftLine != null ? left : right;
                visit(leftLine != null ? right : left, false);
                write(incompatibility, conjunction + " because " + describe(withLine) + " ("
                        + lineNumbers.get(withLine) + "), " + text + ".", numbered);
            } else if (isSingleLine(left) || isSingleLine(right)) {
                Incompatibility first = isSingleLine(right) ? left : right;
                visit(first, false);
                visit(first == left ? right : left, false);
                write(incompatibility, "Thus, " + text + ".", numbered);
            } else {
                visit(left, true);
                messages.add("");
                numbers.add(null);
                visit(right, false);
                write(incompatibility, conjunction + " because " + describe(left) + " (" + lineNumbers.get(left)
                        + "), " + text + ".", numbered);
            }
        } else if (left.isDerived() || right.isDerived()) {
            visitOneDerived(incompatibility, left.isDerived() ? left : right, left.isDerived() ? right : left,
                    conjunction, text, numbered);
        } else {
            write(incompatibility, "Because " + and(left, null, right, null) + ", " + text + ".", numbered);
        }
    }

    private void visitOneDerived(Incompatibility incompatibility, Incompatibility derived, Incompatibility external,
                                 String conjunction, String text, boolean numbered) {
        Integer derivedLine = lineNumbers.get(derived);
        if (derivedLine != null) {
            write(incompatibility, "Because " + and(external, null, derived, derivedLine) + ", " + text + ".",
                    numbered);
        } else if (isCollapsible(derived)) {
            boolean leftDerived = derived.left.isDerived();
            Incompatibility priorDerived = leftDerived ? derived.left : derived.right;
            Incompatibility priorExternal = leftDerived ? derived.right : derived.left;
            visit(priorDerived, false);
            write(incompatibility, conjunction + " because " + and(priorExternal, null, external, null) + ", "
                    + text + ".", numbered);
        } else {
            visit(derived, false);
            write(incompatibility, conjunction + " because " + describe(external) + ", " + text + ".", numbered);
        }
    }

    private boolean isCollapsible(Incompatibility incompatibility) {
        if (derivations.getOrDefault(incompatibility, 0) > 1) {
            return false;
        }
        boolean leftDerived = incompatibility.left.isDerived();
        if (leftDerived == incompatibility.right.isDerived()) {
            return false;
        }
        return !lineNumbers.containsKey(leftDerived ? incompatibility.left : incompatibility.right);
    }

    private static boolean isSingleLine(Incompatibility incompatibility) {
        return !incompatibility.left.isDerived() && !incompatibility.right.isDerived();
    }

    private String and(Incompatibility a, Integer aLine, Incompatibility b, Integer bLine) {
        if (aLine == null && bLine == null && a.kind == Incompatibility.Kind.DEPENDENCY
                && b.kind == Incompatibility.Kind.DEPENDENCY && a.depender == b.depender
                && a.dependerCandidate == b.dependerCandidate && a.terms.size() > 1 && b.terms.size() > 1) {
            String first = terms.dependency(a);
            return first + " and " + b.requirement;
        }
        return describe(a) + (aLine == null ? "" : " (" + aLine + ")") + " and " + describe(b)
                + (bLine == null ? "" : " (" + bLine + ")");
    }

    private void write(Incompatibility incompatibility, String message, boolean numbered) {
        messages.add(message);
        if (numbered) {
            int number = (int) numbers.stream().filter(n -> n != null).count() + 1;
            lineNumbers.put(incompatibility, number);
            numbers.add(number);
        } else {
            numbers.add(null);
        }
    }

    /** Numbers only when some line is referred to from further away than the next line. */
    private String render() {
        boolean referenced = numbers.stream().filter(n -> n != null).count() > 1;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Integer number = numbers.get(i);
            lines.add(referenced && number != null ? "(" + number + ") " + messages.get(i) : messages.get(i));
        }
        return String.join("\n", lines);
    }

    private String describe(Incompatibility incompatibility) {
        return switch (incompatibility.kind) {
            case ROOT -> "the request must be resolved";
            case DEPENDENCY -> terms.dependency(incompatibility);
            case DERIVED -> incompatibility.isFailure() ? CONCLUSION : terms.derived(incompatibility.terms);
        };
    }

    private List<ConflictConstraint> constraints(Incompatibility root) {
        List<ConflictConstraint> found = new ArrayList<>();
        Map<Incompatibility, Boolean> seen = new IdentityHashMap<>();
        collect(root, seen, found);
        return found;
    }

    private void collect(Incompatibility incompatibility, Map<Incompatibility, Boolean> seen,
                         List<ConflictConstraint> found) {
        if (seen.put(incompatibility, Boolean.TRUE) != null) {
            return;
        }
        if (incompatibility.isDerived()) {
            collect(incompatibility.left, seen, found);
            collect(incompatibility.right, seen, found);
        } else if (incompatibility.kind == Incompatibility.Kind.DEPENDENCY) {
            Candidate depender = catalog.candidates(incompatibility.depender).get(incompatibility.dependerCandidate);
            boolean byRequest = incompatibility.depender == Catalog.ROOT;
            Requirement requirement = incompatibility.requirement;
            found.add(new ConflictConstraint(byRequest ? null : depender.name(),
                    byRequest ? null : depender.version().toString(),
                    catalog.name(catalog.id(requirement.key())), requirement.specifiers().toString()));
        }
    }

    /** Words for terms and non-derived incompatibilities. */
    static final class TermDescriber {
        private final Catalog catalog;

        TermDescriber(Catalog catalog) {
            this.catalog = catalog;
        }

        String dependency(Incompatibility incompatibility) {
            Candidate depender = catalog.candidates(incompatibility.depender).get(incompatibility.dependerCandidate);
            String who = incompatibility.depender == Catalog.ROOT ? Catalog.ROOT_NAME
                    : depender.name() + " " + depender.version();
            Requirement requirement = incompatibility.requirement;
            boolean constrainsOther = incompatibility.terms.stream().anyMatch(t -> t.pkg != incompatibility.depender);
            if (constrainsOther) {
                return who + " needs " + requirement;
            }
            return who + " needs " + requirement + " but no listed version of " + requirement.name()
                    + " matches it";
        }

        String derived(List<Term> terms) {
            List<Term> positive = terms.stream().filter(Term::isPositive).toList();
            List<Term> negative = terms.stream().filter(t -> !t.isPositive()).toList();
            if (terms.size() == 1) {
                Term term = terms.get(0);
                if (term.isPositive()) {
                    return allCandidates(term) ? "no version of " + catalog.name(term.pkg) + " can be installed"
                            : describe(term) + " cannot be installed";
                }
                return describe(term.negate()) + " is required";
            }
            if (negative.isEmpty()) {
                return join(positive) + " are incompatible";
            }
            String needs = negative.stream().map(t -> describe(t.negate())).collect(Collectors.joining(" or "));
            if (positive.isEmpty()) {
                return "either " + needs + " is required";
            }
            return join(positive) + (positive.size() == 1 ? " needs " : " together need ") + needs;
        }

        private String join(List<Term> positive) {
            List<String> parts = positive.stream().map(this::describe).toList();
            if (parts.size() <= 2) {
                return String.join(" and ", parts);
            }
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }

        private boolean allCandidates(Term term) {
            return term.candidates().cardinality() == catalog.candidates(term.pkg).size();
        }

        /** A positive term: "the request", "requests", "requests 2.31.0", "requests >=2.28.0" (listed versions). */
        String describe(Term term) {
            if (term.pkg == Catalog.ROOT) {
                return Catalog.ROOT_NAME;
            }
            String name = catalog.name(term.pkg);
            List<Candidate> all = catalog.candidates(term.pkg);
            BitSet chosen = term.candidates();
            if (chosen.cardinality() == all.size()) {
                return name;
            }
            List<Integer> ascending = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                ascending.add(i);
            }
            ascending.sort(Comparator.comparing(i -> all.get(i).version()));
            int first = -1;
            int last = -1;
            boolean contiguous = true;
            for (int rank = 0; rank < ascending.size(); rank++) {
                if (chosen.get(ascending.get(rank))) {
                    contiguous &= last < 0 || last == rank - 1;
                    first = first < 0 ? rank : first;
                    last = rank;
                }
            }
            if (chosen.cardinality() == 1) {
                return name + " " + all.get(ascending.get(first)).version();
            }
            String low = all.get(ascending.get(first)).version().toString();
            String high = all.get(ascending.get(last)).version().toString();
            if (contiguous && first == 0) {
                return name + " <=" + high;
            }
            if (contiguous && last == ascending.size() - 1) {
                return name + " >=" + low;
            }
            if (contiguous) {
                return name + " >=" + low + ",<=" + high;
            }
            return name + " (" + ascending.stream().filter(chosen::get).map(i -> all.get(i).version().toString())
                    .collect(Collectors.joining(", ")) + ")";
        }
    }
}
