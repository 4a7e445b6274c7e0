package dev.fnbundle.configaudit.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.audit.AuditReport;
import dev.fnbundle.configaudit.report.DiffHunk;
import dev.fnbundle.configaudit.report.HunksFromUnifiedDiff;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.AuditTooLargeToStoreException;
import dev.fnbundle.configaudit.service.BaselineRef;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The stored form of an audit: the {@link StoredAudit} record as JSON, gzip-compressed, written straight into the
 * compressor so that a large report never exists uncompressed as one byte array.
 *
 * <p>Two layouts, told apart by the JSON itself. The first ({@code json+gzip/1}) is the record as it is. The
 * second ({@code json+gzip/2}) leaves the report's side-by-side hunks out when they read back exactly from its
 * unified diff ({@link HunksFromUnifiedDiff}), writing {@code "hunks":[]} and a last top-level
 * {@code "hunksFrom":"unifiedDiff"}; otherwise it is the first layout. The hunks repeat every shown line twice
 * more, with line numbers and kinds: leaving them out took a 20 000-line audit's JSON from 274 KB to 90 KB, and
 * with it most of the request's deflate and JSON writing. Reports stored in the first layout read as before.
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

    /** What {@link DynamoAuditStore} records as the item's codec: the layouts {@link #decode} reads. */
    static final String CODEC = "json+gzip/2";
    /** The value of {@code hunksFrom} that says the hunks are read from the report's unified diff. */
    private static final String FROM_UNIFIED_DIFF = "unifiedDiff";

    /** @throws AuditTooLargeToStoreException when the compressed form passes {@code maxBytes} */
    static byte[] encode(StoredAudit audit, long maxBytes) {
        StoredForm form = StoredForm.of(audit);
        try {
            return Gzip.compress(out -> MAPPER.writeValue(out, form), maxBytes);
        } catch (Gzip.TooLargeException e) {
            throw new AuditTooLargeToStoreException(e.maxBytes());
        }
    }

    static StoredAudit decode(byte[] compressed) {
        try (InputStream in = Gzip.open(compressed)) {
            return MAPPER.readValue(in, StoredForm.class).audit();
        } catch (IOException e) {
            throw new UncheckedIOException("stored audit is unreadable", e);
        }
    }

    /**
     * The JSON of both layouts: {@link StoredAudit}'s properties in its order, then {@code hunksFrom} (absent in
     * the first layout, where the report carries its hunks).
     */
    record StoredForm(String id, Instant createdAt, AuditSource source, BaselineRef baseline, AuditReport report,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String hunksFrom) {
        static StoredForm of(StoredAudit audit) {
            AuditReport report = audit.report();
            boolean fromDiff = HunksFromUnifiedDiff.readBack(report.hunks(), report.unifiedDiff());
            return new StoredForm(audit.id(), audit.createdAt(), audit.source(), audit.baseline(),
                    fromDiff ? withHunks(report, List.of()) : report, fromDiff ? FROM_UNIFIED_DIFF : null);
        }

        StoredAudit audit() {
            if (hunksFrom != null && !hunksFrom.equals(FROM_UNIFIED_DIFF)) {
                throw new IllegalStateException("stored audit has hunks from an unknown place: " + hunksFrom);
            }
            AuditReport full = hunksFrom == null ? report
                    : withHunks(report, HunksFromUnifiedDiff.read(report.unifiedDiff()));
            return new StoredAudit(id, createdAt, source, baseline, full);
        }

        private static AuditReport withHunks(AuditReport r, List<DiffHunk> hunks) {
            return new AuditReport(r.name(), r.format(), r.similarity(), r.hasDrift(), r.severity(), r.summary(),
                    r.addedLines(), r.removedLines(), r.changedSections(), r.keyDrift(), r.unifiedDiff(), hunks,
                    r.warnings());
        }
    }
}
