package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.difflib.CpythonCases;
import dev.fnbundle.configaudit.semantic.ChangedKey;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import dev.fnbundle.configaudit.semantic.KeyValue;
import dev.fnbundle.configaudit.semantic.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftAuditorTest {
    private final DriftAuditor auditor = new DriftAuditor();

    private static AuditRequest request(String baseline, String current, String format, List<String> critical) {
        return new AuditRequest("app.prod", baseline, current, format, critical, null, null);
    }

    @Test
    void seed_example_gives_python_figures_and_key_level_drift() {
        // when
        AuditReport report = auditor.audit(request(CpythonCases.SEED_TEMPLATE, CpythonCases.SEED_DEPLOYED, null,
                List.of("database.*")));
        // then
        assertThat(report.format()).isEqualTo(ConfigFormat.INI);
        assertThat(report.similarity()).isEqualTo(0.7619047619047619);
        assertThat(report.hasDrift()).isTrue();
        assertThat(report.summary()).startsWith("Config drift detected (similarity: 76.2%)");
        assertThat(report.changedSections()).containsExactly("port = 8080", "pool_size = 10");
        assertThat(report.keyDrift().changedKeys()).containsExactly(
                new ChangedKey("database.pool_size", "10", "20"), new ChangedKey("server.port", "8080", "9090"));
        assertThat(report.keyDrift().addedKeys()).containsExactly(new KeyValue("database.max_overflow", "5"));
        assertThat(report.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(report.unifiedDiff()).startsWith("--- baseline/app.prod\n+++ current/app.prod\n@@ -1,10 +1,11 @@\n");
    }

    @Test
    void unified_diff_without_secrets_is_byte_identical_to_difflib_with_the_same_labels() {
        // given: what Python 3.11 prints for "".join(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
        //        "baseline/app.prod", "current/app.prod", n=1)) on these two texts
        AuditRequest r = new AuditRequest("app.prod", "a = 1\nb = 2\nc = 3", "a = 1\nb = 3\nc = 3", "properties",
                null, 1, true);
        // when
        AuditReport report = auditor.audit(r);
        // then
        assertThat(report.unifiedDiff()).isEqualTo("--- baseline/app.prod\n+++ current/app.prod\n@@ -1,3 +1,3 @@\n"
                + " a = 1\n-b = 2\n+b = 3\n c = 3");
    }

    @Test
    void secrets_are_masked_everywhere_yet_their_change_counts() {
        // given
        String baseline = "db.host=x\ndb.password=hunter2\n";
        String current = "db.host=x\ndb.password=correcthorse\n";
        // when
        AuditReport report = auditor.audit(request(baseline, current, null, List.of("*.password")));
        // then
        String everything = report.toString() + DriftAuditor.html(report);
        assertThat(everything).doesNotContain("hunter2").doesNotContain("correcthorse");
        assertThat(report.similarity()).isEqualTo(0.5);
        assertThat(report.removedLines()).containsExactly("db.password=******\n");
        assertThat(report.unifiedDiff()).contains("-db.password=******\n+db.password=******\n");
        assertThat(report.keyDrift().changedKeys()).containsExactly(new ChangedKey("db.password", "******", "******"));
        assertThat(report.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void identical_configs_have_no_drift_and_severity_none() {
        // when
        AuditReport report = auditor.audit(request(NGINX_SMALL, NGINX_SMALL, "nginx", null));
        // then
        assertThat(report.hasDrift()).isFalse();
        assertThat(report.summary()).isEqualTo("No drift detected. Config matches template.");
        assertThat(report.severity()).isEqualTo(Severity.NONE);
        assertThat(report.unifiedDiff()).isEmpty();
        assertThat(report.hunks()).isEmpty();
    }

    private static final String NGINX_SMALL = "events {}\nhttp { server { listen 80; } }\n";

    @Test
    void invalid_fields_are_all_reported_at_once() {
        // given
        AuditRequest r = new AuditRequest("bad name!", null, "x", "toml", Arrays.asList("ok.*", " ", null), -1,
                null);
        // when / then
        assertThatThrownBy(() -> auditor.audit(r)).isInstanceOfSatisfying(InvalidFieldsException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "baseline",
                        "format", "context", "criticalKeys[1]", "criticalKeys[2]"));
    }

    @Test
    void oversize_and_binary_bodies_are_rejected_with_413_details() {
        // given
        DriftAuditor small = new DriftAuditor(new AuditLimits(10, 1000, 100, 256));
        // when / then
        assertThatThrownBy(() -> small.audit(request("a=1", "b=\u00e9\u00e9\u00e9\u00e9\u00e9", null, null)))
                .isInstanceOfSatisfying(PayloadRejectedException.class, e -> {
                    assertThat(e.field()).isEqualTo("current");
                    assertThat(e.reason()).isEqualTo(PayloadRejectedException.Reason.TOO_LARGE);
                    assertThat(e.actualBytes()).isEqualTo(12);
                    assertThat(e.limitBytes()).isEqualTo(10);
                });
        assertThatThrownBy(() -> auditor.audit(request("a=1\u0000", "a=1", null, null)))
                .isInstanceOfSatisfying(PayloadRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PayloadRejectedException.Reason.NOT_TEXT));
        assertThatThrownBy(() -> auditor.audit(request("a=1", "a=\ud800", null, null)))
                .isInstanceOf(PayloadRejectedException.class);
    }

    @Test
    void a_side_that_does_not_parse_is_named_with_line_and_column() {
        assertThatThrownBy(() -> auditor.audit(request("{\"a\": 1}", "{\"a\": 1,\n \"b\": }", "json", null)))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.document()).isEqualTo("current");
                    assertThat(e.format()).isEqualTo(ConfigFormat.JSON);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.getMessage()).startsWith("current: json parse error at line 2, column 7: ");
                });
    }
}
