package dev.fnbundle.orders.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fnbundle.orders.graph.CycleDetectedException;
import dev.fnbundle.orders.graph.GraphJsonReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStateTest {
    private static final String PIPELINE = """
            {"deploy": ["build", "test"], "build": ["lint", "compile"], "test": ["compile"],
             "compile": ["setup"], "lint": ["setup"], "setup": []}""";

    private final GraphJsonReader reader = new GraphJsonReader();

    @Test
    void the_plan_gives_counters_successors_and_the_first_ready_batch() {
        // when
        RunPlan plan = RunPlan.of(reader.readGraph(PIPELINE), false);

        // then
        assertThat(plan.initialReady()).containsExactly("setup");
        assertThat(plan.node("deploy")).isEqualTo(new NodePlan("deploy", 2, List.of()));
        assertThat(plan.node("compile")).isEqualTo(new NodePlan("compile", 1, List.of("build", "test")));
        assertThat(plan.nodes()).extracting(NodePlan::node)
                .containsExactly("deploy", "build", "test", "lint", "compile", "setup");
    }

    @Test
    void completing_nodes_releases_their_dependents_in_graphlib_order_until_the_run_is_over() {
        // given
        RunState run = new RunState(RunPlan.of(reader.readGraph(PIPELINE), false));

        // when / then
        assertThat(run.isActive()).isTrue();
        assertThat(run.done(List.of("setup"))).containsExactly("compile", "lint");
        assertThat(run.done(List.of("lint"))).isEmpty();
        assertThat(run.state("build")).isEqualTo(new NodeState("build", NodeStatus.PENDING, 1));
        assertThat(run.done(List.of("compile"))).containsExactly("build", "test");
        assertThat(run.done(List.of("test", "build"))).containsExactly("deploy");
        assertThat(run.done(List.of("deploy"))).isEmpty();
        assertThat(run.isActive()).isFalse();
        assertThat(run.states()).extracting(NodeState::status).containsOnly(NodeStatus.DONE);
    }

    @Test
    void marking_a_node_that_was_never_ready_or_is_already_done_is_rejected_and_changes_nothing() {
        // given
        RunState run = new RunState(RunPlan.of(reader.readGraph(PIPELINE), false));
        run.done(List.of("setup"));

        // when
        NodeNotReadyException error = catchThrowableOfType(NodeNotReadyException.class,
                () -> run.done(List.of("lint", "deploy", "setup", "compile", "compile")));

        // then
        assertThat(error.rejected()).containsExactly(
                new RejectedNode("deploy", NodeStatus.PENDING),
                new RejectedNode("setup", NodeStatus.DONE),
                new RejectedNode("compile", NodeStatus.DONE));
        assertThat(run.state("lint").status()).isEqualTo(NodeStatus.READY);
        assertThat(run.done(List.of("lint", "compile"))).containsExactly("build", "test");
    }

    @Test
    void unknown_nodes_are_reported_before_anything_is_applied() {
        // given
        RunState run = new RunState(RunPlan.of(reader.readGraph(PIPELINE), false));

        // when
        UnknownRunNodeException error = catchThrowableOfType(UnknownRunNodeException.class,
                () -> run.done(List.of("setup", "ship", "ship", "qa")));

        // then
        assertThat(error.nodes()).containsExactly("ship", "qa");
        assertThat(run.state("setup").status()).isEqualTo(NodeStatus.READY);
    }

    @Test
    void a_node_listed_twice_as_dependency_needs_one_completion_that_decrements_twice() {
        // given
        RunState run = new RunState(RunPlan.of(reader.readGraph("{\"a\": [\"b\", \"b\"]}"), false));

        // when / then
        assertThat(run.state("a")).isEqualTo(new NodeState("a", NodeStatus.PENDING, 2));
        assertThat(run.done(List.of("b"))).containsExactly("a");
    }

    @Test
    void a_cyclic_graph_cannot_start_a_run() {
        assertThatThrownBy(() -> RunPlan.of(reader.readGraph("{\"a\": [\"b\"], \"b\": [\"a\"]}"), false))
                .isInstanceOf(CycleDetectedException.class);
    }
}
