package dev.fnbundle.fuzzy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.testing.ApiPrimingContract;
import dev.fnbundle.embedded.LocalAws;
import java.util.List;

/** SnapStart priming of {@link FuzzyApiHandler}: the cases are those of {@link ApiPrimingContract}. */
class FuzzyApiHandlerPrimingTest extends ApiPrimingContract {
    FuzzyApiHandlerPrimingTest() {
        super("fuzzy-search", FuzzyApiHandler.PRIMING, FuzzyApiHandler.PRIMING_REQUESTS,
                () -> LocalAws.shared().functionEnvironment("FuzzyApiFunction"),
                env -> new FuzzyApiHandler(FuzzyWiring.from(env)));
    }

    @Override
    protected void assertPrimed(List<APIGatewayV2HTTPResponse> responses) {
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(404, 200, 200);
        assertThat(responses.get(2).getBody()).contains("R163");
    }
}
