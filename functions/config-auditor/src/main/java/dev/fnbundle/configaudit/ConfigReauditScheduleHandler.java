package dev.fnbundle.configaudit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.logging.RequestLogContext;
import dev.fnbundle.configaudit.service.ReauditFanOut;
import java.util.Map;

/**
 * The scheduled rule: queues one re-audit per baseline that has a source URL (the queue consumer fetches and
 * audits). The event id names the run, so a rule delivered twice queues requests that audit once.
 */
public final class ConfigReauditScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final ReauditFanOut fanOut;

    public ConfigReauditScheduleHandler() {
        this(ConfigAuditWiring.fanOut(Env.system()));
    }

    ConfigReauditScheduleHandler(ReauditFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        try (var ignored = RequestLogContext.open(context.getAwsRequestId(), "schedule")) {
            String run = event.getId() != null ? event.getId()
                    : event.getTime() != null ? event.getTime().toString() : context.getAwsRequestId();
            return Map.of("queued", fanOut.fanOut(run));
        }
    }
}
