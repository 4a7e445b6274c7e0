package dev.fnbundle.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.fnbundle.common.testing.ApiPrimingContract;
import dev.fnbundle.embedded.LocalAws;
import java.util.List;

/** SnapStart priming of {@link OrdersApiHandler}: the cases are those of {@link ApiPrimingContract}. */
class OrdersApiHandlerPrimingTest extends ApiPrimingContract {
    OrdersApiHandlerPrimingTest() {
        super("order-resolver", OrdersApiHandler.PRIMING, OrdersApiHandler.PRIMING_REQUESTS,
                () -> LocalAws.shared().functionEnvironment("OrdersApiFunction"),
                env -> new OrdersApiHandler(OrdersWiring.from(env)));
    }

    @Override
    protected void assertPrimed(List<APIGatewayV2HTTPResponse> responses) {
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(404, 200, 200);
        assertThat(responses.get(1).getBody()).contains("\"order\"").contains("lint");
    }
}
