package dev.fnbundle.orders.packages;

import java.util.List;

/**
 * One listed package version, as in the request: {@code {"name": "myapp", "version": "1.0.0", "requires": [...]}}.
 * Fields may be null here; {@link PackageResolver} reports such input as field violations.
 *
 * @param name     the package name (PEP 508)
 * @param version  the version (PEP 440)
 * @param requires requirement strings such as {@code requests>=2.28,<3}; null means none
 */
public record PackageSpec(String name, String version, List<String> requires) {
}
