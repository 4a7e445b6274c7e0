package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An HTTP API (payload format 2.0) handler that Lambda invokes with the event's bytes: the event is read in one
 * streaming pass ({@link ApiEventReader}) and the answer written straight to the output
 * ({@link ApiResponseWriter}), instead of the runtime client mapping the event to a POJO by reflection and the
 * answer back the same way (for a body of megabytes, a copy and a parse of the body more, and the answer
 * serialized through a bean mapper). A handler implements the typed {@link #handleRequest(APIGatewayV2HTTPEvent,
 * Context)}, which tests and SnapStart priming keep calling; what reaches it is the same event either way.
 *
 * <p>Lambda's Java runtime client chooses among the public {@code handleRequest} overloads of a handler named
 * {@code Class::handleRequest} the one with the longest signature ending in a {@code Context}: the
 * {@code (InputStream, OutputStream, Context)} one here; named without a method, it prefers
 * {@link RequestStreamHandler} too. So a handler switches by implementing this interface, with no change to the
 * template.
 */
public interface HttpApiHandler extends RequestStreamHandler,
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiResponseWriter.write(handleRequest(ApiEventReader.read(input), context), output);
    }
}
