package dev.fnbundle.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Goes on reading an event after its body string without Jackson skipping that string: a new parser over the
 * event's fields after the body, made an object of their own by a placeholder field put before them (an empty name,
 * the number 0), and positioned after that placeholder. For an event of megabytes whose body {@link BodyDecoder}
 * already decoded, this copies the few hundred bytes after the body instead of scanning the megabytes of the body
 * again (Jackson's skip of an unread string reads every byte of it). The placeholder's empty name is no field of
 * an event, so the reader skips nothing it would have read.
 */
final class AfterBody {
    private static final byte[] PLACEHOLDER = "{\"\":0".getBytes(StandardCharsets.US_ASCII);

    private AfterBody() {
    }

    /** The fields after the body string that ends just before {@code end} in {@code json}, as an object. */
    static byte[] rest(byte[] json, int end) {
        byte[] rest = new byte[PLACEHOLDER.length + json.length - end];
        System.arraycopy(PLACEHOLDER, 0, rest, 0, PLACEHOLDER.length);
        System.arraycopy(json, end, rest, PLACEHOLDER.length, json.length - end);
        return rest;
    }

    /** A parser over {@code rest} (from {@link #rest}), positioned where the reader expects the next field name. */
    static JsonParser parser(ObjectMapper mapper, byte[] rest) throws IOException {
        JsonParser parser = mapper.createParser(rest);
        if (parser.nextToken() != JsonToken.START_OBJECT || !"".equals(parser.nextFieldName())
                || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            parser.close();
            throw new IllegalStateException("the placeholder field did not parse");
        }
        return parser;
    }
}
