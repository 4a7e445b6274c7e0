package dev.fnbundle.common.problem;

import java.util.List;
import java.util.Map;

/**
 * An error that already knows its HTTP answer. Thrown by handlers and by {@code common}; a function's core throws
 * its own typed exceptions instead and the handler registers how to map them (see {@link ProblemMapper}).
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the input is invalid; each entry names a field and what is wrong with it. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid";
        return new ProblemException(Problem.of(400, "validation-failed", "Invalid request", detail)
                .with("errors", List.copyOf(errors)));
    }

    /** 400 for one field. */
    public static ProblemException invalid(String field, String detail) {
        return invalid(List.of(new FieldError(field, detail)));
    }

    /** 404: the named resource does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    /** 409: the request conflicts with the current state of the resource. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** 413: the body or the work it asks for is larger than this endpoint accepts. */
    public static ProblemException tooLarge(String detail, long limit) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large", detail)
                .with("limit", limit));
    }

    /** 422: well-formed, but impossible to satisfy. Extensions carry the specifics. */
    public static ProblemException unprocessable(String slug, String title, String detail,
                                                 Map<String, Object> extensions) {
        Problem problem = Problem.of(422, slug, title, detail);
        for (var e : extensions.entrySet()) {
            problem = problem.with(e.getKey(), e.getValue());
        }
        return new ProblemException(problem);
    }
}
