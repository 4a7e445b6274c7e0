package dev.fnbundle.rss;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.logging.RequestLogContext;
import dev.fnbundle.rss.ingest.FetchScheduler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly rule: queues one fetch task per due feed. A failure propagates, so EventBridge retries the
 * invocation; feeds queued twice are fetched twice at worst, which stores nothing twice.
 */
public final class RssScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private static final Logger LOG = LoggerFactory.getLogger(RssScheduleHandler.class);

    private final FetchScheduler scheduler;

    public RssScheduleHandler() {
        this(RssWiring.scheduler(Env.system()));
    }

    RssScheduleHandler(FetchScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        try (var ignored = RequestLogContext.open(context.getAwsRequestId(), "schedule")) {
            String run = event != null && event.getId() != null ? event.getId() : context.getAwsRequestId();
            int queued = scheduler.fanOut(run);
            LOG.info("fetch tasks queued run={} count={}", run, queued);
            return Map.of("queued", queued);
        } catch (RuntimeException e) {
            LOG.error("queueing fetch tasks failed", e);
            throw e;
        }
    }
}
