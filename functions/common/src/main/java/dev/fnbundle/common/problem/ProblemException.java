package dev.fnbundle.common.problem;

/**
 * An error that already knows its HTTP answer: {@code throw new ProblemException(Problem.notFound(...))}. Thrown
 * by handlers and by {@code common}; a function's core throws its own typed exceptions instead (or
 * {@link dev.fnbundle.common.validation.InvalidFieldsException} for invalid input) and the handler registers how
 * to map them (see {@link ProblemMapper}).
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
