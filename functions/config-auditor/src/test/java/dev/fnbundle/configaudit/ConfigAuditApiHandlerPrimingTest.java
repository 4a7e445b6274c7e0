package dev.fnbundle.configaudit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.testing.ApiPrimingContract;
import dev.fnbundle.configaudit.api.ResponseBudget;
import dev.fnbundle.embedded.LocalAws;
import java.util.List;

/** SnapStart priming of {@link ConfigAuditApiHandler}: the cases are those of {@link ApiPrimingContract}. */
class ConfigAuditApiHandlerPrimingTest extends ApiPrimingContract {
    ConfigAuditApiHandlerPrimingTest() {
        super("config-auditor", ConfigAuditApiHandler.PRIMING, ConfigAuditApiHandler.PRIMING_REQUESTS,
                () -> LocalAws.shared().functionEnvironment("ConfigAuditApiFunction"),
                env -> new ConfigAuditApiHandler(ConfigAuditWiring.from(env),
                        new ResponseBudget(ResponseBudget.DEFAULT_BYTES)));
    }

    @Override
    protected void assertPrimed(List<APIGatewayV2HTTPResponse> responses) {
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(404, 400);
        assertThat(responses.get(1).getBody()).contains("format");
    }
}
