package dev.fnbundle.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.testing.ApiPrimingContract;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.rss.parse.FeedParser;
import java.time.Clock;
import java.util.List;

/** SnapStart priming of {@link RssApiHandler}: the cases are those of {@link ApiPrimingContract}. */
class RssApiHandlerPrimingTest extends ApiPrimingContract {
    RssApiHandlerPrimingTest() {
        super("rss-ingestor", RssApiHandler.PRIMING, RssApiHandler.PRIMING_REQUESTS,
                () -> LocalAws.shared().functionEnvironment("RssApiFunction"),
                env -> new RssApiHandler(RssWiring.feeds(env), new FeedParser(), Clock.systemUTC()));
    }

    @Override
    protected void assertPrimed(List<APIGatewayV2HTTPResponse> responses) {
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(404, 200);
        assertThat(responses.get(1).getBody()).contains("Some text");
    }
}
