package dev.fnbundle.orders.packages;

import java.util.List;

/**
 * Requirements name packages that are not in the package list (the seed resolver's ValueError, all at once);
 * meant for a 422. Listed in request order: packages, their requirements, then roots. Message: count only.
 */
public final class UnknownPackagesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<MissingPackage> missing;

    public UnknownPackagesException(List<MissingPackage> missing) {
        super(missing.size() + " requirement(s) name packages that are not listed");
        this.missing = List.copyOf(missing);
    }

    /** Every requirement naming an unlisted package; never empty. */
    public List<MissingPackage> missing() {
        return missing;
    }
}
