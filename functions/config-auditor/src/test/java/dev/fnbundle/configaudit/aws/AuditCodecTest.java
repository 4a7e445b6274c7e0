package dev.fnbundle.configaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.json.Json;
import dev.fnbundle.configaudit.audit.AuditRequest;
import dev.fnbundle.configaudit.audit.DriftAuditor;
import dev.fnbundle.configaudit.service.AuditSource;
import dev.fnbundle.configaudit.service.StoredAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCodecTest {
    private static final DriftAuditor AUDITOR = new DriftAuditor();

    @Test
    void hunks_that_read_back_from_the_unified_diff_are_left_out_of_the_stored_json() {
        StoredAudit audit = audit(config(2_000, ""), config(2_000, "-changed"));

        String stored = Gzip.text(AuditCodec.encode(audit, Long.MAX_VALUE));

        assertThat(audit.report().hunks()).isNotEmpty();
        assertThat(stored).contains("\"hunks\":[]").endsWith(",\"hunksFrom\":\"unifiedDiff\"}");
        assertThat(AuditCodec.decode(AuditCodec.encode(audit, Long.MAX_VALUE))).isEqualTo(audit);
    }

    @Test
    void the_stored_form_is_smaller_than_the_first_layout_compressed_at_the_same_level() {
        StoredAudit audit = audit(config(2_000, ""), config(2_000, "-changed"));

        int firstLayout = Gzip.compress(out -> Json.mapper().writeValue(out, audit), Long.MAX_VALUE).length;

        assertThat(AuditCodec.encode(audit, Long.MAX_VALUE).length).isLessThan(firstLayout / 2);
    }

    @Test
    void hunks_the_diff_cannot_give_back_are_stored_as_the_first_layout_wrote_them() {
        // The changed last line has no terminator: in the diff it runs into the line that replaces it.
        StoredAudit audit = audit("[a]\nx = 1\ny = 2", "[a]\nx = 1\ny = 3");

        String stored = Gzip.text(AuditCodec.encode(audit, Long.MAX_VALUE));

        assertThat(audit.report().unifiedDiff()).contains("-y = 2+y = 3");
        assertThat(stored).isEqualTo(firstLayout(audit)).doesNotContain("hunksFrom");
        assertThat(AuditCodec.decode(AuditCodec.encode(audit, Long.MAX_VALUE))).isEqualTo(audit);
    }

    @Test
    void a_report_stored_in_the_first_layout_still_reads() {
        StoredAudit audit = audit(config(50, ""), config(50, "-changed"));
        byte[] firstLayout = Gzip.compress(firstLayout(audit));

        assertThat(AuditCodec.decode(firstLayout)).isEqualTo(audit);
    }

    @Test
    void hunks_from_a_place_this_version_does_not_know_are_refused() {
        StoredAudit audit = audit(config(50, ""), config(50, "-changed"));
        String json = firstLayout(audit);
        byte[] unknown = Gzip.compress(json.substring(0, json.length() - 1) + ",\"hunksFrom\":\"elsewhere\"}");

        assertThatThrownBy(() -> AuditCodec.decode(unknown)).hasMessageContaining("elsewhere");
    }

    private static StoredAudit audit(String baseline, String current) {
        return new StoredAudit("id", Instant.EPOCH, AuditSource.API, null, AUDITOR.audit(new AuditRequest("app.ini",
                baseline, current, "ini", List.of(), null, null)));
    }

    /** {@code lines} INI lines; every 50th key line ends with {@code suffix}. */
    private static String config(int lines, String suffix) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(i % 20 == 0 ? "[section_" + i / 20 + "]" : "option_" + i % 20 + " = value-" + i
                    + (i % 50 == 7 ? suffix : "")).append('\n');
        }
        return text.toString();
    }

    private static String firstLayout(StoredAudit audit) {
        try {
            return new String(Json.mapper().writeValueAsBytes(audit), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
