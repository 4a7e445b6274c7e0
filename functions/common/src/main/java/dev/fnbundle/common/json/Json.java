package dev.fnbundle.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson {@link ObjectMapper} of a function, built once during init.
 *
 * <p>Object keys keep their document order (graphs depend on it), trailing tokens after a document are an error,
 * and nesting depth and token sizes are bounded so hostile input cannot exhaust the stack or the heap.
 */
public final class Json {
    /** Deeper documents are rejected: no API here needs more, and it bounds parser recursion. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The largest single string accepted; request bodies are capped well below Lambda's 6 MB anyway. */
    public static final int MAX_STRING_LENGTH = 6 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(100)
                            .build())
                    // Parse errors must not echo request content (it may hold secrets) into messages or logs.
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** The shared mapper. Thread-safe; never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a JSON document into a tree.
     *
     * @throws MalformedJsonException if the text is not one well-formed JSON document within the limits
     */
    public static JsonNode parse(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("body is empty", 1, 1);
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new MalformedJsonException(e.getOriginalMessage(),
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a value this function wrote itself (a stored record, a replayed result) back into its type; a failure
     * means stored data is corrupt, not that a client erred, so it is an {@link IllegalStateException} (a 500).
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored " + type.getSimpleName(), e);
        }
    }

    /** Serializes a value; failures are programming errors, so they surface as unchecked exceptions. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getName(), e);
        }
    }
}
