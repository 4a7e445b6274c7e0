package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a function behind routes is sent while its AOT cache is trained: reads only, of items that do not exist. */
class TrainingEventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_function_behind_routes_gets_the_unknown_path_then_each_get_route_for_an_absent_item() throws IOException {
        var spec = function(List.of(route("POST", "/runs"), route("GET", "/runs/{id}"),
                route("DELETE", "/feeds/{id}"), route("GET", "/catalogs/{name}/items/{id}"), route("GET", "/feeds"),
                route("ANY", "$default")));

        List<JsonNode> events = parse(TrainingEvents.of(spec, "r"));

        assertThat(events).extracting(e -> e.path("requestContext").path("http").path("method").asText())
                .containsOnly("GET");
        assertThat(events).extracting(e -> e.path("rawPath").asText()).containsExactly(TrainingEvents.UNKNOWN_PATH,
                "/runs/aot-training-absent", "/catalogs/aot-training-absent/items/aot-training-absent", "/feeds");
        assertThat(events).extracting(e -> e.path("requestContext").path("requestId").asText())
                .containsExactly("r-0", "r-1", "r-2", "r-3");
        assertThat(TrainingEvents.of(spec, "r")).extracting(TrainingEvents.TrainingEvent::requestId)
                .containsExactly("r-0", "r-1", "r-2", "r-3");
        JsonNode item = events.get(2);
        assertThat(item.path("routeKey").asText()).isEqualTo("GET /catalogs/{name}/items/{id}");
        assertThat(MAPPER.convertValue(item.path("pathParameters"), Map.class))
                .isEqualTo(Map.of("name", "aot-training-absent", "id", "aot-training-absent"));
        assertThat(item.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText())
                .isEqualTo("aot-training");
        assertThat(events.get(3).has("pathParameters")).isFalse();
        assertThat(events.getFirst().path("requestContext").has("authorizer")).isFalse();
    }

    @Test
    void a_function_behind_no_route_gets_no_event() {
        var spec = function(List.of(new EventSpec.Schedule("Nightly", "rate(1 day)", null, true)));

        assertThat(TrainingEvents.of(spec, "r")).isEmpty();
    }

    private static List<JsonNode> parse(List<TrainingEvents.TrainingEvent> events) throws IOException {
        var parsed = new ArrayList<JsonNode>();
        for (var event : events) {
            parsed.add(MAPPER.readTree(event.json()));
        }
        return parsed;
    }

    private static EventSpec route(String method, String path) {
        return new EventSpec.HttpApiRoute("R", "Api", method, path, null, List.of());
    }

    private static FunctionSpec function(List<EventSpec> events) {
        return new FunctionSpec("Fn", "fn", Path.of("fn.zip"), "a.Handler::handleRequest", "java21", 512, 10,
                Map.of(), 0, events);
    }
}
