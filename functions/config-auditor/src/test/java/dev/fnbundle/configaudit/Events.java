package dev.fnbundle.configaudit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Adapts the sample events so that each test works on its own baseline or audit in the shared table. */
final class Events {
    private Events() {
    }

    /** A fresh baseline name for one test. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The event aimed at baseline {@code name} instead of the sample's. */
    static APIGatewayV2HTTPEvent forBaseline(APIGatewayV2HTTPEvent event, String name) {
        return withPathParameter(event, "name", name);
    }

    /** The event aimed at audit {@code id} instead of the sample's. */
    static APIGatewayV2HTTPEvent forAudit(APIGatewayV2HTTPEvent event, String id) {
        return withPathParameter(event, "id", id);
    }

    /** The event with one more (or another) header. */
    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        var headers = new HashMap<>(event.getHeaders());
        headers.put(name, value);
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent withPathParameter(APIGatewayV2HTTPEvent event, String parameter,
                                                           String value) {
        String old = event.getPathParameters().get(parameter);
        var parameters = new HashMap<>(event.getPathParameters());
        parameters.put(parameter, value);
        event.setPathParameters(Map.copyOf(parameters));
        event.setRawPath(event.getRawPath().replace("/" + old, "/" + value));
        event.getRequestContext().getHttp().setPath(event.getRawPath());
        return event;
    }
}
