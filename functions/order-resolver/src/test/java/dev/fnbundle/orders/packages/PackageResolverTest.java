package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.orders.graph.CycleDetectedException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageResolverTest {
    private final PackageResolver resolver = new PackageResolver();

    private static PackageSpec pkg(String name, String version, String... requires) {
        return new PackageSpec(name, version, Arrays.asList(requires));
    }

    @Test
    void the_seed_example_installs_in_the_seed_order_with_versions() {
        // given: the tutorial's packages, requires as lists in the order written
        List<PackageSpec> packages = List.of(
                pkg("myapp", "1.0.0", "requests", "sqlalchemy"),
                pkg("requests", "2.31.0", "urllib3", "certifi"),
                pkg("sqlalchemy", "2.0.0", "greenlet"),
                pkg("urllib3", "2.0.7"),
                pkg("certifi", "2024.2"),
                pkg("greenlet", "3.0.0"));

        // when
        PackageResolution resolution = resolver.resolve(packages);

        // then: python3 prints urllib3, certifi, greenlet, requests, sqlalchemy, myapp
        assertThat(resolution.installOrder()).containsExactly(
                new PackageInstall("urllib3", "2.0.7"), new PackageInstall("certifi", "2024.2"),
                new PackageInstall("greenlet", "3.0.0"), new PackageInstall("requests", "2.31.0"),
                new PackageInstall("sqlalchemy", "2.0.0"), new PackageInstall("myapp", "1.0.0"));
        assertThat(resolution.batches()).hasSize(3);
    }

    @Test
    void every_unknown_dependency_is_reported_with_the_package_that_needs_it() {
        // when
        UnknownPackagesException error = catchThrowableOfType(UnknownPackagesException.class,
                () -> resolver.resolve(List.of(
                        pkg("myapp", "1.0.0", "requests>=2", "flask"),
                        pkg("requests", "2.31.0", "urllib3"))));

        // then
        assertThat(error.missing()).containsExactly(
                new MissingPackage("myapp", "1.0.0", "flask", "flask"),
                new MissingPackage("requests", "2.31.0", "urllib3", "urllib3"));
    }

    @Test
    void circular_requirements_are_a_cycle_like_the_seed() {
        // when
        CycleDetectedException error = catchThrowableOfType(CycleDetectedException.class,
                () -> resolver.resolve(List.of(pkg("a", "1", "b"), pkg("b", "1", "a"))));

        // then
        assertThat(error.cycle()).containsExactly("a", "b", "a");
    }

    @Test
    void the_highest_version_satisfying_every_constraint_is_chosen() {
        // when
        PackageResolution resolution = resolver.resolve(List.of(
                pkg("myapp", "1.0.0", "requests>=2.28,<3", "Web_Kit"),
                pkg("requests", "3.0.0"),
                pkg("requests", "2.9.0"),
                pkg("requests", "2.31.0"),
                pkg("requests", "2.28.1"),
                pkg("web.kit", "1.0", "requests!=2.31.0")));

        // then
        assertThat(resolution.installOrder()).containsExactly(
                new PackageInstall("requests", "2.28.1"), new PackageInstall("web.kit", "1.0"),
                new PackageInstall("myapp", "1.0.0"));
    }

    @Test
    void a_conflict_is_explained_as_a_chain_with_the_constraints_that_cause_it() {
        // when
        VersionConflictException error = catchThrowableOfType(VersionConflictException.class,
                () -> resolver.resolve(List.of(
                        pkg("myapp", "1.0.0", "requests>=2.28"),
                        pkg("web", "2.0", "requests<2"),
                        pkg("requests", "2.31.0"),
                        pkg("requests", "1.9"))));

        // then
        assertThat(error.explanation()).contains("myapp 1.0.0 needs requests>=2.28")
                .contains("web 2.0 needs requests<2").endsWith("no set of versions satisfies the request.");
        assertThat(error.constraints()).contains(
                new ConflictConstraint("myapp", "1.0.0", "requests", ">=2.28"),
                new ConflictConstraint("web", "2.0", "requests", "<2"));
    }

    @Test
    void invalid_fields_are_all_reported_with_paths() {
        // when
        InvalidFieldsException error = catchThrowableOfType(InvalidFieldsException.class,
                () -> resolver.resolve(List.of(
                        pkg("my app", "1.0.0", "requests>>2", "x[extra]"),
                        pkg("requests", "two"),
                        new PackageSpec(null, null, null),
                        pkg("requests", "2.0"),
                        pkg("Requests", "2.0.0"))));

        // then
        assertThat(error.errors()).extracting(FieldError::field).containsExactly(
                "packages[0].name", "packages[0].requires[0]", "packages[0].requires[1]", "packages[1].version",
                "packages[2].name", "packages[2].version", "packages[4].version");
    }

    @Test
    void the_search_gives_up_past_its_step_budget() {
        assertThatThrownBy(() -> new PackageResolver(100, 100, 3).resolve(List.of(
                pkg("a", "1", "b"), pkg("b", "1", "c"), pkg("c", "1"))))
                .isInstanceOf(ResolutionTooComplexException.class);
    }
}
