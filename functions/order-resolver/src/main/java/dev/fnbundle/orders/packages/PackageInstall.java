package dev.fnbundle.orders.packages;

/**
 * One step of an install plan.
 *
 * @param name    the package name as first listed in the request
 * @param version the chosen version as written in the request
 */
public record PackageInstall(String name, String version) {
}
