package dev.fnbundle.orders.packages;

import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.orders.graph.CycleDetectedException;
import dev.fnbundle.orders.graph.DependencyGraph;
import dev.fnbundle.orders.graph.GraphBuilder;
import dev.fnbundle.orders.graph.GraphTooLargeException;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.graph.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's {@code resolve_install_order}, grown up: chooses one version per package so that every requirement
 * of every chosen version holds, then orders the chosen packages like graphlib.
 *
 * <p>Roots: with {@code roots == null}, every listed package name must be installed (the seed installs every
 * listed package); otherwise only the roots and what they transitively need. Among the versions of a package,
 * final releases are preferred to pre-releases and higher to lower. With one version per name and plain
 * requirements, the install order is exactly the seed's: graphlib's static order of {name: requires} in list
 * order. Names are compared in PEP 503 form ({@code Foo_Bar == foo-bar}) and reported as first listed.
 *
 * <p>Thread-safe and stateless; the search is bounded by {@code maxSteps}.
 */
public final class PackageResolver {
    /** Default limits: 10 000 package versions, 100 000 requirements, 100 000 solver steps. */
    public static final int DEFAULT_MAX_PACKAGES = 10_000;
    public static final int DEFAULT_MAX_REQUIREMENTS = 100_000;
    public static final int DEFAULT_MAX_STEPS = 100_000;

    private final int maxPackages;
    private final int maxRequirements;
    private final int maxSteps;

    public PackageResolver() {
        this(DEFAULT_MAX_PACKAGES, DEFAULT_MAX_REQUIREMENTS, DEFAULT_MAX_STEPS);
    }

    public PackageResolver(int maxPackages, int maxRequirements, int maxSteps) {
        this.maxPackages = maxPackages;
        this.maxRequirements = maxRequirements;
        this.maxSteps = maxSteps;
    }

    /** Resolves with every listed package as a root. See {@link #resolve(List, List)}. */
    public PackageResolution resolve(List<PackageSpec> packages) {
        return resolve(packages, null);
    }

    /**
     * Chooses versions and orders them.
     *
     * @param packages the listed package versions, in request order
     * @param roots    requirement strings that must hold, or null for "every listed package"
     * @throws InvalidFieldsException        for malformed fields (all of them, with paths)
     * @throws GraphTooLargeException        past the package or requirement limit
     * @throws UnknownPackagesException      for requirements naming unlisted packages (all of them)
     * @throws VersionConflictException      when no choice of versions satisfies every constraint
     * @throws ResolutionTooComplexException when the search exceeds its step budget
     * @throws CycleDetectedException        when the chosen packages depend on each other in a cycle
     */
    public PackageResolution resolve(List<PackageSpec> packages, List<String> roots) {
        PackageRequestValidator validator = new PackageRequestValidator(maxPackages, maxRequirements);
        List<Candidate> candidates = validator.candidates(packages);
        List<Requirement> rootRequirements = validator.roots(roots);
        validator.throwIfInvalid();
        Catalog catalog = new Catalog(candidates, rootRequirements == null ? List.of() : rootRequirements);
        requireKnown(catalog, candidates, rootRequirements);
        if (rootRequirements == null) {
            List<Requirement> everything = new ArrayList<>();
            for (int pkg = 1; pkg < catalog.packageCount(); pkg++) {
                everything.add(Requirement.parse(catalog.name(pkg)));
            }
            catalog = new Catalog(candidates, everything);
        }
        int[] chosen = new VersionSolver(catalog, maxSteps).solve();
        return installPlan(catalog, candidates, chosen);
    }

    private static void requireKnown(Catalog catalog, List<Candidate> candidates, List<Requirement> roots) {
        List<MissingPackage> missing = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (Requirement requirement : candidate.requires()) {
                if (catalog.id(requirement.key()) < 0) {
                    missing.add(new MissingPackage(candidate.name(), candidate.version().toString(),
                            requirement.toString(), requirement.name()));
                }
            }
        }
        for (Requirement root : roots == null ? List.<Requirement>of() : roots) {
            if (catalog.id(root.key()) < 0) {
                missing.add(new MissingPackage(null, null, root.toString(), root.name()));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnknownPackagesException(missing);
        }
    }

    /** graphlib on the chosen versions, added in request order with their requirements in listed order. */
    private static PackageResolution installPlan(Catalog catalog, List<Candidate> listed, int[] chosen) {
        Map<Integer, Candidate> selected = new HashMap<>();
        for (int pkg = 1; pkg < catalog.packageCount(); pkg++) {
            if (chosen[pkg] >= 0) {
                Candidate candidate = catalog.candidates(pkg).get(chosen[pkg]);
                selected.put(candidate.listing(), candidate);
            }
        }
        GraphBuilder builder = new GraphBuilder();
        Map<String, String> versionOf = new HashMap<>();
        for (Candidate candidate : listed) {
            if (selected.get(candidate.listing()) == candidate) {
                String name = catalog.name(catalog.id(Requirement.normalizeName(candidate.name())));
                List<String> requires = candidate.requires().stream()
                        .map(r -> catalog.name(catalog.id(r.key()))).toList();
                builder.add(name, requires);
                versionOf.put(name, candidate.version().toString());
            }
        }
        DependencyGraph graph = builder.build();
        Resolution resolution = new OrderResolver().resolve(graph);
        List<List<PackageInstall>> batches = resolution.batches().stream()
                .map(batch -> batch.stream().map(n -> new PackageInstall(n, versionOf.get(n))).toList())
                .toList();
        List<PackageInstall> order = resolution.order().stream()
                .map(n -> new PackageInstall(n, versionOf.get(n))).toList();
        return new PackageResolution(order, batches);
    }
}
