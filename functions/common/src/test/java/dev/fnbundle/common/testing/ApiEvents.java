package dev.fnbundle.common.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;

/** Builds HTTP API (payload 2.0) events for handler tests, shaped as API Gateway sends them. */
public final class ApiEvents {
    private ApiEvents() {
    }

    /** An event for {@code routeKey} (e.g. "POST /runs/{id}/done") on {@code path} with a JSON body or null. */
    public static APIGatewayV2HTTPEvent request(String routeKey, String path, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("test").build();
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "tester", "iss", "https://issuer.example"))
                .withScopes(java.util.List.of()).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRouteKey(routeKey)
                .withRequestId("api-req-1").withStage("$default")
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        var headers = new HashMap<String, String>();
        headers.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString("").withHeaders(headers).withRequestContext(context).withBody(body)
                .withIsBase64Encoded(false).build();
    }

    /** The same event with query-string parameters. */
    public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, Map<String, String> query) {
        event.setQueryStringParameters(query);
        return event;
    }
}
