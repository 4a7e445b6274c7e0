package dev.fnbundle.bench.audit;

import dev.fnbundle.configaudit.aws.BenchCodec;
import dev.fnbundle.configaudit.service.AuditRepository;
import dev.fnbundle.configaudit.service.HistoryPage;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An audit repository that encodes each audit exactly as DynamoAuditStore does (JSON streamed into gzip) and keeps
 * only the last one: the CPU of storing without the DynamoDB round trip. Benchmark use only.
 */
final class InMemoryAudits implements AuditRepository {
    private volatile byte[] last;
    private volatile StoredAudit lastAudit;

    @Override
    public void save(StoredAudit audit, Instant expiresAt) {
        last = BenchCodec.encode(audit);
        lastAudit = audit;
    }

    @Override
    public Optional<StoredAudit> find(String id, Instant now) {
        StoredAudit audit = lastAudit;
        return audit != null && audit.id().equals(id) ? Optional.of(audit) : Optional.empty();
    }

    @Override
    public HistoryPage history(String baselineName, int limit, String nextToken, Instant now) {
        return new HistoryPage(List.of(), null);
    }

    /** Size of the last stored form, in bytes. */
    int lastStoredBytes() {
        return last == null ? 0 : last.length;
    }
}
