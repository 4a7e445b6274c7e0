package dev.fnbundle.orders.packages;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.orders.graph.GraphTooLargeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns request records into validated candidates, reporting every bad field with its path. */
final class PackageRequestValidator {
    private final int maxPackages;
    private final int maxRequirements;
    private final List<FieldError> violations = new ArrayList<>();

    PackageRequestValidator(int maxPackages, int maxRequirements) {
        this.maxPackages = maxPackages;
        this.maxRequirements = maxRequirements;
    }

    /** The candidates in listing order; throws {@link InvalidFieldsException} or GraphTooLargeException. */
    List<Candidate> candidates(List<PackageSpec> packages) {
        if (packages == null) {
            violations.add(new FieldError("packages", "is required"));
            throw new InvalidFieldsException(violations);
        }
        if (packages.size() > maxPackages) {
            throw new GraphTooLargeException("packages", maxPackages);
        }
        long requirements = packages.stream().filter(p -> p != null && p.requires() != null)
                .mapToLong(p -> p.requires().size()).sum();
        if (requirements > maxRequirements) {
            throw new GraphTooLargeException("requirements", maxRequirements);
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Map<Version, Integer>> seen = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            Candidate candidate = candidate(packages.get(i), "packages[" + i + "]", i);
            if (candidate != null) {
                Integer first = seen.computeIfAbsent(Requirement.normalizeName(candidate.name()),
                        k -> new HashMap<>()).putIfAbsent(candidate.version(), i);
                if (first != null) {
                    violations.add(new FieldError("packages[" + i + "].version",
                            "repeats packages[" + first + "]: a package version may be listed once"));
                }
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    /** The roots, or null when {@code roots} is null (every listed package is a root). */
    List<Requirement> roots(List<String> roots) {
        return roots == null ? null : requirements(roots, "roots");
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidFieldsException(violations);
        }
    }

    private Candidate candidate(PackageSpec spec, String path, int listing) {
        if (spec == null) {
            violations.add(new FieldError(path, "must be an object with name, version and requires"));
            return null;
        }
        int before = violations.size();
        String name = spec.name();
        if (name == null || name.isBlank()) {
            violations.add(new FieldError(path + ".name", "is required"));
        } else if (!Requirement.isValidName(name)) {
            violations.add(new FieldError(path + ".name",
                    "is not a package name: letters, digits, '.', '_' or '-', "
                            + "starting and ending with a letter or digit"));
        }
        Version version = null;
        if (spec.version() == null || spec.version().isBlank()) {
            violations.add(new FieldError(path + ".version", "is required"));
        } else {
            try {
                version = Version.parse(spec.version());
            } catch (VersionSyntaxException e) {
                violations.add(new FieldError(path + ".version", e.getMessage()));
            }
        }
        List<Requirement> requires = requirements(spec.requires() == null ? List.of() : spec.requires(),
                path + ".requires");
        return violations.size() == before ? new Candidate(listing, name, version, requires) : null;
    }

    private List<Requirement> requirements(List<String> texts, String path) {
        List<Requirement> requirements = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                violations.add(new FieldError(path + "[" + i + "]", "must be a requirement string"));
                continue;
            }
            try {
                requirements.add(Requirement.parse(text));
            } catch (VersionSyntaxException e) {
                violations.add(new FieldError(path + "[" + i + "]", e.getMessage()));
            }
        }
        return requirements;
    }
}
