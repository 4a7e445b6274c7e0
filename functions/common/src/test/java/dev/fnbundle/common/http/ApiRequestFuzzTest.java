package dev.fnbundle.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.json.MalformedJsonException;
import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.common.validation.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzz target: {@link ApiRequest}'s body and query readers end in a value or in the problems their Javadoc names
 * (413 {@link ProblemException}, 400 {@link InvalidFieldsException} or {@link MalformedJsonException}). The first
 * byte says whether the body is marked base64; the text up to the first NUL is the {@code limit} parameter and
 * the rest is the body.
 */
class ApiRequestFuzzTest {
    private static final int MAX_BYTES = 1024;

    @FuzzTest
    void the_body_and_query_readers_answer_or_refuse_with_a_client_error(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        int nul = text.indexOf('\u0000');
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setIsBase64Encoded((data[0] & 1) == 1);
        event.setQueryStringParameters(Map.of("limit", nul < 0 ? "" : text.substring(0, nul)));
        event.setBody(nul < 0 ? text : text.substring(nul + 1));
        ApiRequest request = new ApiRequest(event, "POST /x", Map.of(), "fuzz");
        CpuBudget.run(CpuBudget.FUZZ_INPUT, () -> {
            try {
                assertThat(request.limit(20, 100)).isBetween(1, 100);
            } catch (InvalidFieldsException expected) {
                assertThat(expected.fields()).containsExactly("limit");
            }
            try {
                assertThat(request.body(MAX_BYTES).length).isLessThanOrEqualTo(MAX_BYTES);
                request.jsonObject(MAX_BYTES);
            } catch (ProblemException e) {
                assertThat(e.problem().status()).isEqualTo(413);
            } catch (InvalidFieldsException | MalformedJsonException expected) {
                // 400s
            }
        });
    }
}
