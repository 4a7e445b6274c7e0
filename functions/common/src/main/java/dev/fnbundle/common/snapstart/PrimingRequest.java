package dev.fnbundle.common.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/**
 * One synthetic HTTP API request sent through a handler before the snapshot. It must be answerable without the
 * network: an unknown route, a pure computation, or a body the handler rejects before any storage call.
 *
 * @param method      the HTTP method, e.g. "GET"
 * @param path        the raw path, e.g. "/orders/resolve"
 * @param contentType the body's media type, or null without a body
 * @param body        the body, or null
 */
public record PrimingRequest(String method, String path, String contentType, String body) {
    /** The route no function has: routing, problem+json rendering and the response mapping, nothing else. */
    public static final String UNKNOWN_ROUTE = "/_snapstart/prime";

    /** A GET of a route no function serves (a 404 problem). */
    public static PrimingRequest unknownRoute() {
        return new PrimingRequest("GET", UNKNOWN_ROUTE, null, null);
    }

    public static PrimingRequest post(String path, String json) {
        return new PrimingRequest("POST", path, "application/json", json);
    }

    public static PrimingRequest post(String path, String contentType, String body) {
        return new PrimingRequest("POST", path, contentType, body);
    }

    /**
     * The event API Gateway would send behind its {@code $default} route (the router matches method and path), with
     * the body's content type and claims like those of the JWT authorizer (some routes read {@code sub}).
     */
    APIGatewayV2HTTPEvent toEvent(String requestId) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("snapstart-priming").build();
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "snapstart-priming")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId(requestId)
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .withStage("$default").build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
                .withRawQueryString("")
                .withHeaders(body == null ? Map.of("accept", "application/json")
                        : Map.of("accept", "application/json", "content-type", contentType))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context).build();
    }
}
