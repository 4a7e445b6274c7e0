package dev.fnbundle.local.observe;

/**
 * What started an invocation: an HTTP API route, an SQS event source mapping, a schedule rule, or Lambda's
 * Invoke API (the AWS CLI, an SDK, {@code invoke} on the command line).
 *
 * @param detail the route key, queue name and batch size, rule name, or invocation type (and attempt)
 */
public record Trigger(Kind kind, String detail) {
    /** The kinds of trigger. */
    public enum Kind { ROUTE, QUEUE, SCHEDULE, INVOKE }

    public static Trigger route(String routeKey) {
        return new Trigger(Kind.ROUTE, routeKey);
    }

    public static Trigger queue(String queueName, int messages) {
        return new Trigger(Kind.QUEUE, queueName + " x" + messages);
    }

    public static Trigger schedule(String rule) {
        return new Trigger(Kind.SCHEDULE, rule);
    }

    public static Trigger invoke(String how) {
        return new Trigger(Kind.INVOKE, how);
    }

    /** For a console line, e.g. "route GET /items/{id}". */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + detail;
    }
}
