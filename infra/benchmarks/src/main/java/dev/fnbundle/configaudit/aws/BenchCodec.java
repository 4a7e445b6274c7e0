package dev.fnbundle.configaudit.aws;

import dev.fnbundle.configaudit.service.StoredAudit;

/** Benchmark-only access to the stored form of an audit (JSON streamed into gzip), as DynamoAuditStore writes it. */
public final class BenchCodec {
    private BenchCodec() {
    }

    /** The gzip-compressed JSON DynamoAuditStore stores for {@code audit}. */
    public static byte[] encode(StoredAudit audit) {
        return AuditCodec.encode(audit, Long.MAX_VALUE);
    }
}
