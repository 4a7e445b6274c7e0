package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random small package universes solved by PubGrub and by brute force: the solver must find a solution exactly
 * when one exists, every solution it returns must satisfy every constraint, and a failure must come with an
 * explanation ending in the conclusion.
 */
class VersionSolverPropertyTest {
    private static final String[] OPERATORS = {"==", "!=", ">=", "<=", "<", ">", "~="};

    @Test
    void solutions_are_valid_and_failures_are_real_on_random_universes() {
        Random random = new Random(508L);
        int failures = 0;
        for (int run = 0; run < 600; run++) {
            // given
            List<Candidate> listed = randomUniverse(random);
            List<Requirement> roots = randomRoots(random, listed);
            Catalog catalog = new Catalog(listed, roots == null ? List.of() : roots);
            if (roots == null) {
                List<Requirement> all = new ArrayList<>();
                for (int pkg = 1; pkg < catalog.packageCount(); pkg++) {
                    all.add(Requirement.parse(catalog.name(pkg)));
                }
                catalog = new Catalog(listed, all);
            }
            boolean solvable = bruteForce(catalog, new int[catalog.packageCount()], 1);

            // when
            Catalog universe = catalog;
            VersionConflictException error = catchThrowableOfType(VersionConflictException.class,
                    () -> assertThat(isValid(universe, new VersionSolver(universe, 1_000_000).solve())).isTrue());

            // then
            assertThat(error == null).as("run %d solvable", run).isEqualTo(solvable);
            if (error != null) {
                failures++;
                assertThat(error.explanation()).endsWith("no set of versions satisfies the request.");
                assertThat(error.constraints()).isNotEmpty();
            }
        }
        assertThat(failures).as("the sample has unsolvable universes").isBetween(60, 540);
    }

    private static List<Candidate> randomUniverse(Random random) {
        int packages = 2 + random.nextInt(4);
        List<Candidate> listed = new ArrayList<>();
        int listing = 0;
        for (int p = 0; p < packages; p++) {
            int versions = 1 + random.nextInt(4);
            for (int v = 0; v < versions; v++) {
                List<Requirement> requires = new ArrayList<>();
                for (int q = 0; q < packages; q++) {
                    if (q != p && random.nextInt(3) == 0) {
                        requires.add(Requirement.parse("p" + q + randomSpecifier(random)));
                    }
                }
                String version = v + "." + random.nextInt(2) + (random.nextInt(8) == 0 ? "rc1" : "");
                listed.add(new Candidate(listing++, "p" + p, Version.parse(version), requires));
            }
        }
        return listed.stream().filter(distinctVersions()).toList();
    }

    private static java.util.function.Predicate<Candidate> distinctVersions() {
        List<String> seen = new ArrayList<>();
        return c -> {
            String key = c.name() + " " + c.version().normalized();
            return !seen.contains(key) && seen.add(key);
        };
    }

    private static String randomSpecifier(Random random) {
        if (random.nextInt(4) == 0) {
            return "";
        }
        String operator = OPERATORS[random.nextInt(OPERATORS.length)];
        String spec = operator + random.nextInt(4) + "." + random.nextInt(2);
        return random.nextInt(5) == 0 ? spec + ",!=" + random.nextInt(4) + ".0" : spec;
    }

    private static List<Requirement> randomRoots(Random random, List<Candidate> listed) {
        if (random.nextBoolean()) {
            return null;
        }
        List<Requirement> roots = new ArrayList<>();
        roots.add(Requirement.parse(listed.get(0).name() + randomSpecifier(random)));
        return roots;
    }

    /** Tries every choice (a candidate index or -1 for "not selected") for packages from {@code pkg} on. */
    private static boolean bruteForce(Catalog catalog, int[] chosen, int pkg) {
        if (pkg == catalog.packageCount()) {
            return isValid(catalog, chosen);
        }
        for (int c = -1; c < catalog.candidates(pkg).size(); c++) {
            chosen[pkg] = c;
            if (bruteForce(catalog, chosen, pkg + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isValid(Catalog catalog, int[] chosen) {
        for (int pkg = 0; pkg < catalog.packageCount(); pkg++) {
            if (pkg != Catalog.ROOT && chosen[pkg] < 0) {
                continue;
            }
            Candidate candidate = catalog.candidates(pkg).get(pkg == Catalog.ROOT ? 0 : chosen[pkg]);
            for (Requirement requirement : candidate.requires()) {
                int dependency = catalog.id(requirement.key());
                if (chosen[dependency] < 0 || !requirement.specifiers()
                        .matches(catalog.candidates(dependency).get(chosen[dependency]).version())) {
                    return false;
                }
            }
        }
        return true;
    }
}
