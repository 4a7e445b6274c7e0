package dev.fnbundle.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.idempotency.IdempotencyInProgressException;
import dev.fnbundle.common.idempotency.IdempotencyKeyReusedException;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
        var problem = ProblemMapper.standard().toProblem(new ProblemException(Problem.notFound("no run r-1")));

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
    void invalid_fields_are_a_400_listing_every_field() {
        var problem = ProblemMapper.standard().toProblem(new InvalidFieldsException(List.of(
                new FieldError("name", "is required"), new FieldError("tags[1]", "must be a string")), true));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("urn:fnbundle:problem:validation-failed");
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.extensions()).containsEntry("errors", List.of(new FieldError("name", "is required"),
                new FieldError("tags[1]", "must be a string"))).containsEntry("truncated", true);
    }

    @Test
    void a_request_still_in_progress_is_a_409_with_retry_after_until_its_claim_lapses() {
        var now = Instant.parse("2026-05-01T10:00:00Z");
        var mapper = ProblemMapper.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        var problem = mapper.toProblem(new IdempotencyInProgressException(now.plusMillis(89_500)));
        var lapsed = mapper.toProblem(new IdempotencyInProgressException(now.minusSeconds(5)));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("urn:fnbundle:problem:request-in-progress");
        assertThat(problem.headers()).containsEntry("retry-after", "90");
        assertThat(problem.detail()).endsWith("retry in 90 s");
        assertThat(lapsed.headers()).containsEntry("retry-after", "1");
    }

    @Test
    void a_key_reused_for_another_request_is_a_422() {
        var problem = ProblemMapper.standard().toProblem(new IdempotencyKeyReusedException());

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("urn:fnbundle:problem:idempotency-key-reused");
    }

    @Test
    void the_factories_name_the_shared_statuses() {
        assertThat(Problem.invalid("limit", "must be positive").detail()).isEqualTo("limit: must be positive");
        assertThat(Problem.notFound("x").status()).isEqualTo(404);
        assertThat(Problem.conflict("x").type()).isEqualTo("urn:fnbundle:problem:conflict");
        assertThat(Problem.tooLarge("x", 10).extensions()).containsEntry("limit", 10L);
        assertThat(Problem.unprocessable("cycle", "Cycle", "x").status()).isEqualTo(422);
    }

    @Test
    void a_problem_s_headers_are_copied_never_shared() {
        var plain = Problem.conflict("busy");
        var waiting = plain.retryAfter(Duration.ofMillis(1500));

        assertThat(plain.headers()).isEmpty();
        assertThat(waiting.headers()).containsEntry("retry-after", "2");
        assertThatThrownBy(() -> plain.header("content-type", "text/html"))
                .isInstanceOf(IllegalArgumentException.class);
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
