package dev.fnbundle.orders.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The graphlib tutorial's examples, with the outputs python3 3.11 prints for them (sets written as lists). */
class SeedExamplesTest {
    private final GraphJsonReader reader = new GraphJsonReader();
    private final OrderResolver resolver = new OrderResolver();

    @Test
    void static_order_matches_python_for_the_quick_example() {
        // given
        DependencyGraph graph = reader.readGraph("""
                {"build": ["test"], "test": ["lint", "compile"], "lint": [], "compile": ["lint"]}""");

        // when
        Resolution resolution = resolver.resolve(graph);

        // then
        assertThat(resolution.order()).containsExactly("lint", "compile", "test", "build");
        assertThat(resolution.nodeCount()).isEqualTo(4);
    }

    @Test
    void builder_add_matches_python_for_the_deployment_pipeline() {
        // given
        GraphBuilder builder = new GraphBuilder()
                .add("deploy", "build", "test")
                .add("build", "compile", "lint")
                .add("compile", "setup")
                .add("lint", "setup")
                .add("test", "build")
                .add("setup");

        // when
        Resolution resolution = resolver.resolve(builder.build());

        // then
        assertThat(resolution.order()).containsExactly("setup", "compile", "lint", "build", "test", "deploy");
    }

    @Test
    void cycle_matches_python_cycle_error_args() {
        // given
        DependencyGraph graph = reader.readGraph("""
                {"A": ["B"], "B": ["C"], "C": ["A"]}""");

        // when
        CycleDetectedException error = catchThrowableOfType(CycleDetectedException.class,
                () -> resolver.resolve(graph));

        // then
        assertThat(error.cycle()).containsExactly("A", "C", "B", "A");
        assertThat(error.cycles()).containsExactly(List.of("A", "B", "C"));
    }

    @Test
    void batches_match_python_get_ready_for_the_parallel_example() {
        // given
        DependencyGraph graph = reader.readGraph("""
                {"deploy": ["build", "test"], "build": ["lint", "compile"], "test": ["compile"],
                 "compile": ["setup"], "lint": ["setup"], "setup": []}""");

        // when
        Resolution resolution = resolver.resolve(graph);

        // then
        assertThat(resolution.batches()).containsExactly(
                List.of("setup"), List.of("compile", "lint"), List.of("test", "build"), List.of("deploy"));
        assertThat(resolution.order()).containsExactly("setup", "compile", "lint", "test", "build", "deploy");
    }

    @Test
    void self_dependency_is_a_cycle_of_one_as_in_python() {
        // given
        DependencyGraph graph = reader.readGraph("{\"a\": [\"a\"], \"b\": []}");

        // when
        CycleDetectedException error = catchThrowableOfType(CycleDetectedException.class,
                () -> resolver.resolve(graph));

        // then
        assertThat(error.cycle()).containsExactly("a", "a");
        assertThat(error.cycles()).containsExactly(List.of("a"));
    }

    @Test
    void every_cyclic_component_is_reported_but_not_the_nodes_downstream_of_them() {
        // given: two separate cycles and a node that waits on one of them
        DependencyGraph graph = reader.readGraph("""
                {"x": ["y"], "y": ["x"], "w": ["x"], "p": ["q"], "q": ["r"], "r": ["p"], "ok": []}""");

        // when
        CycleDetectedException error = catchThrowableOfType(CycleDetectedException.class,
                () -> resolver.resolve(graph));

        // then
        assertThat(error.cycle()).containsExactly("x", "y", "x");
        assertThat(error.cycles()).containsExactly(List.of("x", "y"), List.of("p", "q", "r"));
    }

    @Test
    void duplicate_dependencies_are_counted_twice_and_still_resolve() {
        // given
        DependencyGraph graph = reader.readGraph("{\"a\": [\"b\", \"b\"], \"b\": []}");

        // when
        Resolution resolution = resolver.resolve(graph);

        // then
        assertThat(graph.predecessorCount(graph.idOf("a"))).isEqualTo(2);
        assertThat(resolution.order()).containsExactly("b", "a");
    }

    @Test
    void strict_mode_lists_every_unknown_dependency_with_every_node_that_needs_it() {
        // given
        DependencyGraph graph = reader.readGraph("""
                {"myapp": ["requests", "sqlalchemy"], "requests": ["urllib3", "certifi"],
                 "cli": ["requests", "click", "click"]}""");

        // when
        UnknownDependenciesException error = catchThrowableOfType(UnknownDependenciesException.class,
                () -> resolver.resolve(graph, true));

        // then
        assertThat(error.unknown()).containsExactly(
                new UnknownDependency("sqlalchemy", List.of("myapp")),
                new UnknownDependency("urllib3", List.of("requests")),
                new UnknownDependency("certifi", List.of("requests")),
                new UnknownDependency("click", List.of("cli")));
    }

    @Test
    void without_strict_mode_dependency_only_names_are_nodes() {
        // given
        DependencyGraph graph = reader.readGraph("""
                {"myapp": ["requests", "sqlalchemy"], "requests": ["urllib3"]}""");

        // when
        Resolution resolution = resolver.resolve(graph);

        // then
        assertThat(resolution.order()).containsExactly("sqlalchemy", "urllib3", "requests", "myapp");
        assertThat(resolution.batches()).containsExactly(List.of("sqlalchemy", "urllib3"), List.of("requests"),
                List.of("myapp"));
    }

    @Test
    void an_empty_graph_resolves_to_nothing() {
        // when
        Resolution resolution = resolver.resolve(reader.readGraph("{}"));

        // then
        assertThat(resolution.order()).isEmpty();
        assertThat(resolution.batches()).isEmpty();
        assertThat(resolution.nodeCount()).isZero();
    }
}
