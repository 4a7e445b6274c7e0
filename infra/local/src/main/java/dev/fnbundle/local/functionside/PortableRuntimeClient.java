package dev.fnbundle.local.functionside;

import java.nio.file.Path;

/**
 * The main class of a function JVM started with the portable client: loads the handler from the task root
 * (its init phase), then serves invocations from the Lambda Runtime API one after another, forever.
 *
 * <p>Events and results are (de)serialized by aws-lambda-java-serialization exactly as the Runtime Interface
 * Client does it: Lambda event classes with their own serializers, anything else with its Jackson factory.
 */
public final class PortableRuntimeClient {
    private PortableRuntimeClient() {
    }

    public static void main(String[] args) {
        String handler = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        var api = new RuntimeApiClient(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        HandlerInvoker invoker;
        try {
            ClassLoader loader = TaskRoot.classLoader(Path.of(System.getenv("LAMBDA_TASK_ROOT")));
            Thread.currentThread().setContextClassLoader(loader);
            invoker = HandlerInvoker.load(handler, loader);
        } catch (Throwable e) {
            api.reportInitError(e);
            System.exit(1);
            return;
        }
        while (true) {
            RuntimeApiClient.Invocation invocation = api.next();
            try {
                api.respond(invocation.requestId(), invoker.invoke(invocation.payload(),
                        new InvocationContext(invocation, System.getenv())));
            } catch (Throwable e) {
                api.reportError(invocation.requestId(), e);
            }
        }
    }
}
