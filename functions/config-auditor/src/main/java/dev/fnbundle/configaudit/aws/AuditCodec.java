package dev.fnbundle.configaudit.aws;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.service.AuditTooLargeToStoreException;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The stored form of an audit: the {@link StoredAudit} record as JSON, gzip-compressed, written straight into the
 * compressor so that a large report never exists uncompressed as one byte array.
 */
final class AuditCodec {
    /** Reading back needs longer strings than request bodies may hold: a unified diff can reach ~10 MB. */
    private static final int MAX_STORED_STRING = 64 * 1024 * 1024;
    private static final ObjectMapper MAPPER = storageMapper();

    private AuditCodec() {
    }

    private static ObjectMapper storageMapper() {
        ObjectMapper mapper = Json.mapper().copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Json.MAX_NESTING_DEPTH).maxStringLength(MAX_STORED_STRING).build());
        return mapper;
    }

    /** @throws AuditTooLargeToStoreException when the compressed form passes {@code maxBytes} */
    static byte[] encode(StoredAudit audit, long maxBytes) {
        try {
            return Gzip.compress(out -> MAPPER.writeValue(out, audit), maxBytes);
        } catch (Gzip.TooLargeException e) {
            throw new AuditTooLargeToStoreException(e.maxBytes());
        }
    }

    static StoredAudit decode(byte[] compressed) {
        try (InputStream in = Gzip.open(compressed)) {
            return MAPPER.readValue(in, StoredAudit.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored audit is unreadable", e);
        }
    }
}
