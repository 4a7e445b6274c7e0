package dev.fnbundle.common.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SnapStart runtime hook of an HTTP API handler. Before the snapshot ({@link #beforeCheckpoint}) it sends a
 * few synthetic requests ({@link PrimingRequest}) through a handler built the way Lambda builds it, so the classes
 * of routing, JSON mapping, validation and problem rendering are loaded, initialised and partly compiled in the
 * snapshot rather than on the first request after each restore. After the restore ({@link #afterRestore}) it
 * re-seeds {@link FreshEntropy}.
 *
 * <p>What the snapshot never holds: connections, because priming requests are chosen to be answered without the
 * network (the AWS clients built during init open none until their first call), and the primed handler instance
 * itself, which is dropped — Lambda invokes the one it constructs. Random seeds: {@link FreshEntropy} is
 * re-seeded; {@code SecureRandom} and {@code UUID.randomUUID()} read the operating system's entropy per call.
 *
 * <p>Outside a SnapStart (CRaC) runtime the global context never calls the hook; setting the environment variable
 * {@value #PRIME_ON_INIT} (or the system property {@value #PRIME_ON_INIT_PROPERTY}) to {@code true} runs the same
 * priming during init instead, which is how the local runtime shows its effect.
 */
public final class ApiPriming implements Resource {
    /** Environment variable: prime during init (there is no checkpoint outside Lambda). */
    public static final String PRIME_ON_INIT = "FNBUNDLE_PRIME_ON_INIT";
    public static final String PRIME_ON_INIT_PROPERTY = "fnbundle.primeOnInit";
    private static final Logger LOG = LoggerFactory.getLogger(ApiPriming.class);

    private final String function;
    private final Supplier<? extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final List<PrimingRequest> requests;

    private ApiPriming(String function,
                       Supplier<? extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
                       List<PrimingRequest> requests) {
        this.function = function;
        this.handlers = handlers;
        this.requests = List.copyOf(requests);
    }

    /**
     * Registers the hook with Lambda's global context (call from the handler's static init and keep the result in
     * a static field: CRaC contexts may hold resources weakly), and primes at once when asked to
     * ({@value #PRIME_ON_INIT}).
     *
     * @param handlers builds a handler as Lambda does (its public constructor); called once per priming
     */
    public static ApiPriming register(String function,
                                      Supplier<? extends RequestHandler<APIGatewayV2HTTPEvent,
                                              APIGatewayV2HTTPResponse>> handlers,
                                      List<PrimingRequest> requests) {
        ApiPriming priming = register(Core.getGlobalContext(), function, handlers, requests);
        if (primeOnInit()) {
            priming.prime();
        }
        return priming;
    }

    /** Registers the hook with {@code context}; a test passes its own to play checkpoint and restore. */
    public static ApiPriming register(Context<Resource> context, String function,
                                      Supplier<? extends RequestHandler<APIGatewayV2HTTPEvent,
                                              APIGatewayV2HTTPResponse>> handlers,
                                      List<PrimingRequest> requests) {
        var priming = new ApiPriming(function, handlers, requests);
        context.register(priming);
        return priming;
    }

    /**
     * Sends every priming request through a freshly built handler; never throws (a failed priming costs only
     * speed, and a hook that throws would fail the version's publication).
     *
     * @return the HTTP status of each request, in order (-1 where the handler threw)
     */
    public List<Integer> prime() {
        long started = System.nanoTime();
        var statuses = new ArrayList<Integer>();
        try {
            var handler = handlers.get();
            for (int i = 0; i < requests.size(); i++) {
                String requestId = "snapstart-priming-" + (i + 1);
                var response = handler.handleRequest(requests.get(i).toEvent(requestId),
                        new PrimingContext(requestId, function));
                statuses.add(response.getStatusCode());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("priming failed function={} after={}", function, statuses.size(), e);
            while (statuses.size() < requests.size()) {
                statuses.add(-1);
            }
        }
        LOG.info("primed function={} statuses={} durationMs={}", function, statuses,
                (System.nanoTime() - started) / 1_000_000);
        return statuses;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        FreshEntropy.reseed();
    }

    static boolean primeOnInit() {
        String value = System.getProperty(PRIME_ON_INIT_PROPERTY, System.getenv(PRIME_ON_INIT));
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("true");
    }
}
