package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What an invocation no instance ran answers: Lambda's error document, valid JSON whatever the message holds. */
class InvocationResultTest {

    @Test
    void an_init_error_quoting_the_functions_own_error_document_is_answered_as_valid_json() throws Exception {
        String message = "EchoFunction failed during init: {\"errorMessage\":\"bad \\\"x\\\" in C:\\\\tmp\","
                + "\"stackTrace\":[\"a\\nb\"]}\n\tcontrol \u0001 and é";

        InvocationResult result = InvocationResult.crash("r-1", "Runtime.InitError", message);
        JsonNode document = new ObjectMapper().readTree(result.payload());

        assertThat(result.outcome()).isEqualTo(InvocationResult.Outcome.CRASH);
        assertThat(document.path("errorType").asText()).isEqualTo("Runtime.InitError");
        assertThat(document.path("errorMessage").asText()).isEqualTo(message);
    }
}
