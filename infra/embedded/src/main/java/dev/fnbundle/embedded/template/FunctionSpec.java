package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function of the stack with Globals applied and intrinsics resolved: how to run it (zip, handler, memory,
 * timeout, environment, concurrency) and what triggers it.
 *
 * @param reservedConcurrency the function's ReservedConcurrentExecutions, or 0 when unset
 */
public record FunctionSpec(String logicalId, String name, Path codeUri, String handler, String runtime,
                           int memoryMb, int timeoutSeconds, Map<String, String> environment,
                           int reservedConcurrency, List<EventSpec> events) {

    static FunctionSpec of(String logicalId, String name, JsonNode properties, Path baseDirectory, String where) {
        if (properties.path("InlineCode").isTextual()) {
            throw new UnsupportedTemplateException(where + ".InlineCode: the local runtime runs zips only");
        }
        JsonNode codeUri = properties.path("CodeUri");
        if (!codeUri.isTextual()) {
            throw new UnsupportedTemplateException(where + ".CodeUri must be a path to the function's zip"
                    + " (S3 locations and PackageType: Image are not supported locally)");
        }
        String handler = properties.path("Handler").asText(null);
        if (handler == null) {
            throw new UnsupportedTemplateException(where + ".Handler is missing");
        }
        String runtime = properties.path("Runtime").asText("");
        if (!runtime.startsWith("java")) {
            throw new UnsupportedTemplateException(where + ".Runtime is " + runtime
                    + "; the local runtime runs Java functions only");
        }
        var environment = new LinkedHashMap<String, String>();
        properties.path("Environment").path("Variables").properties()
                .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        var events = new ArrayList<EventSpec>();
        for (var event : properties.path("Events").properties()) {
            events.add(EventSpec.of(event.getKey(), event.getValue(), where + ".Events." + event.getKey()));
        }
        return new FunctionSpec(logicalId, name, baseDirectory.resolve(codeUri.asText()).normalize(), handler,
                runtime, StackModel.integer(properties, "MemorySize", 128),
                StackModel.integer(properties, "Timeout", 3), environment,
                StackModel.integer(properties, "ReservedConcurrentExecutions", 0), List.copyOf(events));
    }

    /** The events of one kind. */
    public <E extends EventSpec> List<E> events(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
