package dev.fnbundle.local;

import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.schedule.ScheduleExpression;
import dev.fnbundle.local.schedule.Scheduler;
import dev.fnbundle.local.sqs.SqsEventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The template's non-HTTP events as the runtime runs them: SQS event source mappings and schedule rules. */
final class EventTriggers {
    static final String REGION = "us-east-1";

    private EventTriggers() {
    }

    /**
     * The event source mapping of one SQS event of a function, polling with {@code sqs}.
     *
     * @throws UserFacingException when the queue is not one of the template's
     */
    static SqsEventSource sqsSource(StackModel of, FunctionSpec function, EventSpec.SqsSource source, SqsClient sqs,
                                    FunctionPool pool, Consumer<String> warnings) {
        var queue = of.queueByArn(source.queueArn()).orElseThrow(() -> new UserFacingException(
                function.logicalId() + " listens to " + source.queueArn() + ", which is not a queue of the template"));
        return new SqsEventSource(sqs, queue, source, pool, REGION, warnings);
    }

    /**
     * The schedule rules of every function of the model, each firing the function's pool.
     *
     * @throws UserFacingException when a schedule expression does not parse
     */
    static List<Scheduler.Rule> rules(StackModel model, Map<String, FunctionPool> pools) {
        var rules = new ArrayList<Scheduler.Rule>();
        for (FunctionSpec function : model.functions().values()) {
            for (var schedule : function.events(EventSpec.Schedule.class)) {
                try {
                    rules.add(new Scheduler.Rule(schedule.name(), pools.get(function.logicalId()),
                            ScheduleExpression.parse(schedule.expression()), schedule.input(), schedule.enabled(),
                            schedule.expression()));
                } catch (IllegalArgumentException e) {
                    throw new UserFacingException(function.logicalId() + " event " + schedule.name() + ": "
                            + e.getMessage());
                }
            }
        }
        return rules;
    }
}
