package dev.fnbundle.orders;

import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemMapper;
import dev.fnbundle.orders.graph.CycleDetectedException;
import dev.fnbundle.orders.graph.GraphJsonSyntaxException;
import dev.fnbundle.orders.graph.GraphTooLargeException;
import dev.fnbundle.orders.graph.UnknownDependenciesException;
import dev.fnbundle.orders.packages.ResolutionTooComplexException;
import dev.fnbundle.orders.packages.UnknownPackagesException;
import dev.fnbundle.orders.packages.VersionConflictException;
import dev.fnbundle.orders.runs.DispatchInProgressException;
import dev.fnbundle.orders.runs.NodeNotReadyException;
import dev.fnbundle.orders.runs.RunNotFoundException;
import dev.fnbundle.orders.runs.UnknownRunNodeException;

/** How the order-resolver's domain exceptions become problem+json answers. */
final class OrdersProblems {
    static final ProblemMapper MAPPER = ProblemMapper.builder()
            .map(GraphJsonSyntaxException.class, e -> Problem.of(400, "malformed-json", "Malformed JSON",
                    "the body is not valid JSON: " + e.getMessage()).with("line", e.line()).with("column", e.column()))
            .map(GraphTooLargeException.class, e -> Problem.tooLarge("the request has more "
                    + e.limitName() + " than the " + e.limit() + " this endpoint accepts", e.limit())
                    .with("limitName", e.limitName()))
            .map(UnknownDependenciesException.class, e -> Problem.of(422, "unknown-dependencies",
                    "Unknown dependencies", count(e.unknown().size(), "dependency is not a node",
                            "dependencies are not nodes") + " of the graph (strict mode)").with("unknown", e.unknown()))
            .map(CycleDetectedException.class, e -> Problem.of(422, "cycle", "Dependency cycle",
                    "nodes are in a cycle: " + String.join(" -> ", e.cycle()))
                    .with("cycle", e.cycle()).with("cycles", e.cycles()))
            .map(UnknownPackagesException.class, e -> Problem.of(422, "unknown-packages", "Unknown packages",
                    count(e.missing().size(), "requirement names a package", "requirements name packages")
                            + " that the list does not have")
                    .with("missing", e.missing()))
            .map(VersionConflictException.class, e -> Problem.of(422, "version-conflict", "Version conflict",
                    String.join("\n", e.explanation())).with("explanation", e.explanation())
                    .with("constraints", e.constraints()))
            .map(ResolutionTooComplexException.class, e -> Problem.of(422, "resolution-too-complex",
                    "Resolution too complex", "no answer within " + e.steps() + " steps; pin more versions")
                    .with("steps", e.steps()))
            .map(NodeNotReadyException.class, e -> Problem.of(409, "node-not-ready", "Node not ready",
                    "only dispatched nodes that are not done yet can be marked done").with("rejected", e.rejected()))
            .map(UnknownRunNodeException.class, e -> Problem.of(422, "unknown-nodes", "Unknown nodes",
                    "the run has no nodes named " + String.join(", ", e.nodes())).with("nodes", e.nodes()))
            .map(DispatchInProgressException.class, e -> Problem.of(409, "dispatch-in-progress",
                    "Dispatch in progress", "a successor of these nodes is being dispatched by another call (or that"
                            + " call failed); repeat this same call after Retry-After to settle it")
                    .with("dispatched", e.dispatched())
                    .retryAfter(e.retryAfter()))
            .map(RunNotFoundException.class, e -> Problem.notFound("no run " + e.runId()))
            .build();

    private OrdersProblems() {
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
