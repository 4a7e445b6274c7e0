package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.orders.graph.CycleDetectedException;
import dev.fnbundle.orders.graph.GraphTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: package requests (names, PEP 440 versions, PEP 508 requirements) through the whole resolver. It
 * returns a resolution or throws one of the exceptions {@link PackageResolver#resolve(List, List)} documents, within
 * its step budget; a resolution installs versions that satisfy every requirement of what it installs. Each line
 * is {@code name version requirement|requirement...}.
 */
class PackageResolverFuzzTest {
    private static final PackageResolver RESOLVER = new PackageResolver(200, 2_000, 5_000);

    @FuzzTest
    void a_package_request_resolves_or_is_refused_with_a_documented_error(byte[] data) {
        List<PackageSpec> specs = new ArrayList<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n", 200)) {
            String[] parts = line.split(" ", 3);
            specs.add(new PackageSpec(parts[0], parts.length > 1 ? parts[1] : null,
                    parts.length > 2 ? List.of(parts[2].split("\\|", -1)) : List.of()));
        }
        PackageResolution resolution;
        try {
            resolution = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> RESOLVER.resolve(specs));
        } catch (InvalidFieldsException | GraphTooLargeException | UnknownPackagesException
                 | VersionConflictException | ResolutionTooComplexException | CycleDetectedException expected) {
            return;
        }
        Map<String, Version> installed = new HashMap<>();
        resolution.installOrder().forEach(p -> installed.put(Requirement.normalizeName(p.name()),
                Version.parse(p.version())));
        for (PackageSpec spec : specs) {
            Version chosen = installed.get(Requirement.normalizeName(spec.name()));
            if (chosen == null || !chosen.equals(Version.parse(spec.version()))) {
                continue;
            }
            for (String text : spec.requires()) {
                Requirement requirement = Requirement.parse(text);
                assertThat(installed).as("%s needs %s", spec.name(), text).containsKey(requirement.key());
                assertThat(requirement.specifiers().matches(installed.get(requirement.key())))
                        .as("%s needs %s", spec.name(), text).isTrue();
            }
        }
    }
}
