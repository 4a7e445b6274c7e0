package dev.fnbundle.orders.packages;

import java.util.List;

/**
 * The install plan: one version per package, dependencies first.
 *
 * @param installOrder graphlib's static order of the chosen packages
 * @param batches      the same packages cut into graphlib's ready batches (packages installable in parallel)
 */
public record PackageResolution(List<PackageInstall> installOrder, List<List<PackageInstall>> batches) {
    public PackageResolution {
        installOrder = List.copyOf(installOrder);
        batches = batches.stream().map(List::copyOf).toList();
    }
}
