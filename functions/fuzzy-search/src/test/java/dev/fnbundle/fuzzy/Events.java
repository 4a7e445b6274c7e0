package dev.fnbundle.fuzzy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.fnbundle.embedded.LocalAws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the sample events of events/fuzzy-search and aims them at a test's own catalog. */
final class Events {
    private Events() {
    }

    /** The sample API event {@code file}. */
    static APIGatewayV2HTTPEvent api(String file) {
        return EventLoader.loadApiGatewayHttpEvent("fuzzy-search/" + file);
    }

    /** The sample API event {@code file}, aimed at catalog {@code to} instead of {@code from}. */
    static APIGatewayV2HTTPEvent api(String file, String from, String to) {
        return rename(api(file), from, to);
    }

    /** Aims the event at catalog {@code to} instead of {@code from}: path, path parameter and route path. */
    static APIGatewayV2HTTPEvent rename(APIGatewayV2HTTPEvent event, String from, String to) {
        var parameters = new HashMap<>(event.getPathParameters());
        parameters.put("name", to);
        event.setPathParameters(Map.copyOf(parameters));
        event.setRawPath(event.getRawPath().replace("/catalogs/" + from, "/catalogs/" + to));
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        return event;
    }

    /** Receives and deletes every message on the queue that names {@code catalog}; leaves the others. */
    static List<String> drain(String queueUrl, String catalog) {
        var sqs = LocalAws.shared().sqs();
        var bodies = new ArrayList<String>();
        for (int empty = 0; empty < 2; ) {
            var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(30)).messages();
            empty = messages.isEmpty() ? empty + 1 : 0;
            for (var message : messages) {
                if (message.body().contains("\"catalog\":\"" + catalog + "\"")) {
                    bodies.add(message.body());
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return bodies;
    }
}
