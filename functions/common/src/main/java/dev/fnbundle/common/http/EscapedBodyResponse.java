package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * An API Gateway response whose body is still the escaped JSON {@link ApiResponse} serialized it to: the stream
 * entry point ({@link ApiResponseWriter}) copies those bytes into its answer, and only a caller that asks for
 * {@link #getBody()} (a test, the runtime client's POJO serializer) gets them decoded into a String, once. Setting a
 * body replaces the escaped one.
 */
final class EscapedBodyResponse extends APIGatewayV2HTTPResponse {
    private EscapedJson escaped;

    EscapedBodyResponse(EscapedJson escaped) {
        this.escaped = escaped;
    }

    /** The escaped body, or null once a String body has been set or decoded. */
    EscapedJson escaped() {
        return escaped;
    }

    @Override
    public String getBody() {
        if (escaped != null) {
            super.setBody(escaped.text());
            escaped = null;
        }
        return super.getBody();
    }

    @Override
    public void setBody(String body) {
        escaped = null;
        super.setBody(body);
    }
}
