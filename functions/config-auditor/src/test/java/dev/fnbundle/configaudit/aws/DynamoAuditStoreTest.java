package dev.fnbundle.configaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.AuditTooLargeToStoreException;
import dev.fnbundle.configaudit.service.BaselineRef;
import dev.fnbundle.configaudit.service.StoredAudit;
import dev.fnbundle.embedded.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stored audits, chunking and drift history on a real DynamoDB Local table provisioned from template.yaml. */
class DynamoAuditStoreTest {
    /*
     * The real time, not a fixed date: the table has the template's TTL, and DynamoDB Local deletes items about a
     * second after their ttl (LATER here) lies before the wall clock, so audits saved until a past LATER vanish in
     * the middle of a test.
     */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant LATER = NOW.plusSeconds(86_400);
    private static DynamoAuditStore store;
    private static String table;
    private final DriftAuditor auditor = new DriftAuditor();

    @BeforeAll
    static void table() {
        var aws = LocalAws.shared();
        table = aws.provisionTable("ConfigAuditTable");
        store = new DynamoAuditStore(aws.dynamoDb(), table, 32L * 1024 * 1024,
                PageTokens.inTable(aws.dynamoDb(), table, Clock.systemUTC()));
    }

    private StoredAudit audit(String name, String baseline, String current, Instant at, BaselineRef ref) {
        var report = auditor.audit(new AuditRequest(name, baseline, current, "properties", null, null, null));
        return new StoredAudit(UUID.randomUUID().toString(), at, AuditSource.API, ref, report);
    }

    @Test
    void a_small_audit_round_trips_exactly() {
        var audit = audit("small", "a=1\nb=2\n", "a=1\nb=3\npassword=x\n", NOW, null);

        store.save(audit, LATER);

        assertThat(store.find(audit.id(), NOW)).contains(audit);
    }

    @Test
    void a_report_too_large_for_one_item_is_chunked_and_reads_back_equal() {
        // given: two unrelated ~1 MB configs of random lines: every line changes
        var random = new Random(11);
        var a = new StringBuilder();
        var b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            a.append("entry").append(i).append('=').append(Long.toHexString(random.nextLong())).append('\n');
            b.append("entry").append(i).append('=').append(Long.toHexString(random.nextLong())).append('\n');
        }
        var audit = audit("chunked", a.toString(), b.toString(), NOW, null);
        // when
        store.save(audit, LATER);
        // then
        var item = LocalAws.shared().dynamoDb().getItem(r -> r.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("AUDIT#" + audit.id()), "sk", AttributeValue.fromS("REPORT")))).item();
        assertThat(Integer.parseInt(item.get("blobChunks").n())).isGreaterThan(1);
        assertThat(store.find(audit.id(), NOW)).contains(audit);
    }

    @Test
    void an_expired_audit_or_one_missing_a_chunk_is_not_found() {
        // given
        var random = new Random(12);
        var big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("entry").append(i).append('=').append(Long.toHexString(random.nextLong())).append('\n');
        }
        var chunked = audit("gone", "", big.toString(), NOW, null);
        store.save(chunked, LATER);
        LocalAws.shared().dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS("BLOB#" + chunked.id()), "sk", AttributeValue.fromS("CHUNK#00001"))));
        var small = audit("expired", "a=1\n", "a=2\n", NOW, null);
        store.save(small, LATER);
        // then
        assertThat(store.find(chunked.id(), NOW)).isEmpty();
        assertThat(store.find(small.id(), LATER)).isEmpty();
        assertThat(store.find(small.id(), NOW)).isPresent();
    }

    @Test
    void an_audit_over_the_stored_size_limit_is_refused_and_nothing_is_written() {
        var tiny = new DynamoAuditStore(LocalAws.shared().dynamoDb(), table, 200,
                PageTokens.inTable(LocalAws.shared().dynamoDb(), table, Clock.systemUTC()));
        var audit = audit("huge", "a=1\n", "a=2\nb=3\n", NOW, null);

        assertThatThrownBy(() -> tiny.save(audit, LATER)).isInstanceOf(AuditTooLargeToStoreException.class);
        assertThat(store.find(audit.id(), NOW)).isEmpty();
    }

    @Test
    void the_history_lists_a_baselines_audits_newest_first_in_pages() {
        // given: four audits one minute apart, stored out of order
        String name = "hist-" + UUID.randomUUID().toString().substring(0, 8);
        var ids = new String[4];
        for (int minute : new int[] {2, 0, 3, 1}) {
            var audit = audit(name, "a=1\n", "a=" + minute + "\n", NOW.plusSeconds(60L * minute),
                    new BaselineRef(name, 1));
            store.save(audit, LATER);
            ids[minute] = audit.id();
        }
        // when
        var first = store.history(name, 3, null, NOW);
        var second = store.history(name, 3, first.nextToken(), NOW);
        // then
        assertThat(first.items()).extracting(s -> s.id()).containsExactly(ids[3], ids[2], ids[1]);
        assertThat(second.items()).extracting(s -> s.id()).containsExactly(ids[0]);
        assertThat(second.nextToken()).isNull();
        assertThat(store.history(name, 4, null, NOW).nextToken()).as("a page that ends the history").isNull();
        assertThat(first.items().get(0).baselineVersion()).isEqualTo(1L);
        assertThat(store.history(name, 10, null, LATER).items()).isEmpty();
        assertThatThrownBy(() -> store.history("other-" + name, 3, first.nextToken(), NOW))
                .isInstanceOf(InvalidFieldsException.class);
    }
}
