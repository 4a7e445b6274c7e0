package dev.fnbundle.orders.packages;

/**
 * A requirement naming a package that is not listed at all.
 *
 * @param requiredBy  the package whose requirement it is, or null for a root of the request
 * @param version     that package's version, or null for a root
 * @param requirement the requirement as written
 * @param dependency  the missing package's name as written
 */
public record MissingPackage(String requiredBy, String version, String requirement, String dependency) {
}
