package dev.fnbundle.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * An event whose text body {@link ApiEventReader} kept as the UTF-8 bytes it decoded from the event, so that a
 * handler reading the body as bytes ({@link ApiRequest#utf8Text}) gets them without a String of a body of megabytes
 * made and encoded back; {@link #getBody()} makes the String on first use. Setting a body replaces the bytes.
 */
final class Utf8BodyEvent extends APIGatewayV2HTTPEvent {
    private BodyDecoder.Utf8Text text;

    Utf8BodyEvent() {
    }

    void setUtf8Body(BodyDecoder.Utf8Text text) {
        this.text = text;
        super.setBody(null);
    }

    /** The body's UTF-8 bytes in the decoder's buffer (not to be modified), or null once a String body was set. */
    ApiRequest.Utf8Buffer utf8Buffer() {
        return text == null ? null : new ApiRequest.Utf8Buffer(text.buffer(), text.length());
    }

    @Override
    public String getBody() {
        String body = super.getBody();
        if (body == null && text != null) {
            body = text.string();
            super.setBody(body);
        }
        return body;
    }

    @Override
    public void setBody(String body) {
        text = null;
        super.setBody(body);
    }
}
