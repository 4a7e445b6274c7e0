package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The HTTP API's {@code $default} route: whatever no other route matches gets a problem+json 404 (with the
 * request id) instead of API Gateway's bare {@code {"message":"Not Found"}}, so every error of the API has one
 * shape. It sits behind the same JWT authorizer as every other route. Invoked with the event's bytes
 * ({@link HttpApiHandler}).
 */
public final class NotFoundHandler implements HttpApiHandler {
    private static final Router NO_ROUTES = Router.builder().build();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return NO_ROUTES.handle(event, context);
    }
}
