package dev.fnbundle.orders.packages;

import java.util.BitSet;

/**
 * A PubGrub term over a finite domain: the set of states a package may be in, where the states are its listed
 * candidates (bits {@code 0..width-2}, in preference order) plus "not selected" (bit {@code width-1}).
 *
 * <p>Because the listed versions are all the versions there are, every PubGrub set operation is a bit operation:
 * a positive term ("P in S") excludes "not selected", a negative one ("not P in S") includes it.
 */
final class Term {
    final int pkg;
    private final BitSet states;
    private final int width;

    Term(int pkg, BitSet states, int width) {
        this.pkg = pkg;
        this.states = states;
        this.width = width;
    }

    /** The term "P is one of these candidates". */
    static Term positive(int pkg, BitSet candidates, int width) {
        return new Term(pkg, (BitSet) candidates.clone(), width);
    }

    boolean isPositive() {
        return !states.get(width - 1);
    }

    boolean isEmpty() {
        return states.isEmpty();
    }

    boolean isUniversal() {
        return states.cardinality() == width;
    }

    /** The candidates this term allows, without "not selected". */
    BitSet candidates() {
        BitSet versions = (BitSet) states.clone();
        versions.clear(width - 1);
        return versions;
    }

    Term intersect(Term other) {
        BitSet both = (BitSet) states.clone();
        both.and(other.states);
        return new Term(pkg, both, width);
    }

    Term negate() {
        BitSet complement = (BitSet) states.clone();
        complement.flip(0, width);
        return new Term(pkg, complement, width);
    }

    /** Whether every state of this term is a state of {@code other}: this term satisfies the other. */
    boolean satisfies(Term other) {
        BitSet outside = (BitSet) states.clone();
        outside.andNot(other.states);
        return outside.isEmpty();
    }

    boolean isDisjoint(Term other) {
        return !states.intersects(other.states);
    }
}
