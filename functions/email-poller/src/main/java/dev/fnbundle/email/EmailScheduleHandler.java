package dev.fnbundle.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fnbundle.common.logging.RequestLogContext;
import dev.fnbundle.email.registry.MailboxService;
import dev.fnbundle.email.registry.PollTask;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule (every five minutes): queues one poll task per registered mailbox. Polling happens in the poller,
 * so a slow mailbox never delays the others. A failure propagates, and EventBridge retries the invocation.
 */
public final class EmailScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private static final Logger LOG = LoggerFactory.getLogger(EmailScheduleHandler.class);

    private final MailboxService mailboxes;

    public EmailScheduleHandler() {
        this(EmailWiring.fromEnv().mailboxes());
    }

    EmailScheduleHandler(MailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        try (var ignored = RequestLogContext.open(context.getAwsRequestId(), "schedule")) {
            int queued = mailboxes.enqueueAll(PollTask.SCHEDULE);
            LOG.info("poll tasks queued count={}", queued);
            return Map.of("queued", queued);
        } catch (RuntimeException e) {
            LOG.error("queueing poll tasks failed", e);
            throw e;
        }
    }
}
