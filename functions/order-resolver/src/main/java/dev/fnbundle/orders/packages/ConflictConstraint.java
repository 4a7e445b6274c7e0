package dev.fnbundle.orders.packages;

/**
 * A constraint that takes part in a version conflict.
 *
 * @param requiredBy  the package imposing it, or null when the request itself (its roots) imposes it
 * @param version     that package's version, or null for the request
 * @param dependency  the constrained package's name
 * @param constraint  the version clauses as written ({@code >=2.28,<3}); empty for "any version"
 */
public record ConflictConstraint(String requiredBy, String version, String dependency, String constraint) {
}
