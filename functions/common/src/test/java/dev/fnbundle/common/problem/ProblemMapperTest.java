package dev.fnbundle.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.common.json.MalformedJsonException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
    static final class CycleFound extends RuntimeException {
        final List<String> cycle;

        CycleFound(List<String> cycle) {
            this.cycle = cycle;
        }
    }

    @Test
    void a_problem_exception_maps_to_its_own_problem() {
        var problem = ProblemMapper.standard().toProblem(ProblemException.notFound("no run r-1"));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo("urn:fnbundle:problem:not-found");
        assertThat(problem.detail()).isEqualTo("no run r-1");
    }

    @Test
    void malformed_json_is_a_400_with_its_position() {
        var problem = ProblemMapper.standard().toProblem(new MalformedJsonException("Unexpected character", 3, 7));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.extensions()).containsEntry("line", 3).containsEntry("column", 7);
    }

    @Test
    void registered_domain_exceptions_map_through_their_mapping() {
        var mapper = ProblemMapper.builder()
                .map(CycleFound.class, e -> Problem.of(422, "cycle", "Cycle", "a cycle").with("cycle", e.cycle))
                .build();

        var problem = mapper.toProblem(new CycleFound(List.of("A", "B", "A")));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.extensions()).containsEntry("cycle", List.of("A", "B", "A"));
    }

    @Test
    void an_unexpected_exception_is_a_generic_500_that_does_not_leak_its_message() {
        var problem = ProblemMapper.standard().toProblem(new IllegalStateException("jdbc:secret@10.0.0.5 down"));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret").contains("requestId");
    }

    @Test
    void the_body_lists_standard_members_then_instance_request_id_and_extensions() {
        var body = Problem.of(409, "conflict", "Conflict", "node b was never ready").with("node", "b")
                .toBody("/runs/r-1/done", "req-1");

        assertThat(body.keySet()).containsExactly("type", "title", "status", "detail", "instance", "requestId",
                "node");
    }
}
