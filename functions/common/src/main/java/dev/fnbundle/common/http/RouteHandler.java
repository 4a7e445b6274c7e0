package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Answers one route. May throw; the {@link Router} turns exceptions into problem+json. */
@FunctionalInterface
public interface RouteHandler {
    APIGatewayV2HTTPResponse handle(ApiRequest request) throws Exception;
}
