package dev.fnbundle.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.testing.ApiPrimingContract;
import dev.fnbundle.embedded.LocalAws;
import java.util.List;

/** SnapStart priming of {@link EmailApiHandler}: the cases are those of {@link ApiPrimingContract}. */
class EmailApiHandlerPrimingTest extends ApiPrimingContract {
    EmailApiHandlerPrimingTest() {
        super("email-poller", EmailApiHandler.PRIMING, EmailApiHandler.PRIMING_REQUESTS,
                () -> LocalAws.shared().functionEnvironment("EmailApiFunction"),
                env -> new EmailApiHandler(EmailWiring.from(env)));
    }

    @Override
    protected void assertPrimed(List<APIGatewayV2HTTPResponse> responses) {
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(404, 400);
        assertThat(responses.get(1).getBody()).contains("port");
    }
}
