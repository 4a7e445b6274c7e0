package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import dev.fnbundle.configaudit.difflib.UnifiedDiffHeader;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import dev.fnbundle.configaudit.semantic.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 9: an audit never fails because key-level parsing failed on a format it only guessed; a stated
 * format that does not parse stays an error; INI files as they are written in the wild get key drift.
 */
class GuessedFormatAuditTest {
    private final DriftAuditor auditor = new DriftAuditor();

    private AuditReport audit(String baseline, String current, String format) {
        return auditor.audit(new AuditRequest("app.conf", baseline, current, format, List.of("*.password"), 2, null));
    }

    @Test
    void a_guessed_format_that_does_not_parse_gives_the_full_line_level_audit_and_a_warning() {
        // given: looks like YAML (so it is guessed YAML) but the current side's flow sequence never closes
        String baseline = "server:\n  port: 8080\n  hosts: [a, b]\npassword: hunter2-old\n";
        String current = "server:\n  port: 9090\n  hosts: [a, b\npassword: hunter2-new\n";
        // when
        AuditReport report = audit(baseline, current, null);
        // then: the seed's contract on the masked lines, exactly as ConfigAudit computes it on the same lines
        List<String> from = PythonText.splitLinesKeepEnds(baseline);
        List<String> to = PythonText.splitLinesKeepEnds(current);
        ConfigAuditResult seed = ConfigAudit.audit(baseline, current);
        assertThat(report.format()).isEqualTo(ConfigFormat.YAML);
        assertThat(report.similarity()).isEqualTo(seed.similarity());
        assertThat(report.hasDrift()).isTrue();
        assertThat(report.summary()).isEqualTo(seed.summary());
        assertThat(report.removedLines()).containsExactly("  port: 8080\n", "  hosts: [a, b]\n",
                "password: ******\n");
        assertThat(report.addedLines()).containsExactly("  port: 9090\n", "  hosts: [a, b\n", "password: ******\n");
        assertThat(report.changedSections()).containsExactly("port: 8080");
        String expectedDiff = String.join("", UnifiedDiff.lines(
                List.of("server:\n", "  port: 8080\n", "  hosts: [a, b]\n", "password: ******\n"),
                List.of("server:\n", "  port: 9090\n", "  hosts: [a, b\n", "password: ******\n"),
                SequenceMatcher.of(from, to, true).groupedOpcodes(2),
                UnifiedDiffHeader.of("baseline/app.conf", "current/app.conf")));
        assertThat(report.unifiedDiff()).isEqualTo(expectedDiff);
        // and: no key drift, a warning naming the side, format, line and column, a line-level severity
        assertThat(report.keyDrift()).isNull();
        assertThat(report.severity()).isEqualTo(Severity.WARNING);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("key-drift-skipped");
            assertThat(w.document()).isEqualTo("current");
            assertThat(w.format()).isEqualTo("yaml");
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.column()).isPositive();
            assertThat(w.message()).startsWith("current does not parse as yaml").contains("line 4, column ")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void a_stated_format_that_does_not_parse_stays_an_error() {
        assertThatThrownBy(() -> audit("a: 1\n", "a: [1\n", "yaml"))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> {
                    assertThat(e.document()).isEqualTo("current");
                    assertThat(e.format()).isEqualTo(ConfigFormat.YAML);
                });
    }

    @Test
    void identical_sides_that_do_not_parse_have_no_drift_and_severity_none() {
        // when
        AuditReport report = audit("{\"a\": 1,}\n", "{\"a\": 1,}\n", null);
        // then
        assertThat(report.hasDrift()).isFalse();
        assertThat(report.severity()).isEqualTo(Severity.NONE);
        assertThat(report.warnings()).extracting(AuditWarning::document).containsExactly("baseline", "current");
    }

    @Test
    void a_baseline_approved_without_a_format_keeps_it_as_a_guess_for_later_audits() {
        // given: a detected format that does not parse is accepted at approval
        String content = "[db]\nhost = a\n  odd continuation\nport 5432 extra words\n";
        ConfigFormat detected = auditor.checkBaseline("app", content, null, null);
        // when: audited later with that format remembered as a guess
        AuditReport report = auditor.audit(new AuditRequest("app", content, content + "x = 1\n",
                detected.label(), null, null, null), true);
        // then
        assertThat(detected).isEqualTo(ConfigFormat.INI);
        assertThat(report.keyDrift()).isNull();
        assertThat(report.warnings()).extracting(AuditWarning::line).containsExactly(4, 4);
        assertThatThrownBy(() -> auditor.checkBaseline("app", content, "ini", null))
                .isInstanceOf(ConfigParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx.service", "gitconfig", "php.ini", "my.cnf", "editorconfig"})
    void ini_files_from_the_wild_are_audited_key_by_key_without_a_format(String file) {
        // given: the real file, and the same with one line added at the end
        String baseline = resource(file);
        String current = baseline + "added_by_test = 1\n";
        // when
        AuditReport report = audit(baseline, current, null);
        // then
        assertThat(report.format()).isEqualTo(ConfigFormat.INI);
        assertThat(report.warnings()).isEmpty();
        assertThat(report.keyDrift().addedKeys()).hasSize(1);
        assertThat(report.keyDrift().addedKeys().get(0).key()).endsWith("added_by_test");
    }

    @Test
    void a_systemd_execstart_added_to_the_list_shows_as_one_added_occurrence() {
        // given
        String baseline = "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n";
        String current = "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\nExecStart=/bin/c\n";
        // when
        AuditReport report = audit(baseline, current, null);
        // then
        assertThat(report.keyDrift().addedKeys()).extracting(k -> k.key() + "=" + k.value())
                .containsExactly("Service.execstart[2]=/bin/c");
        assertThat(report.keyDrift().changedKeys()).isEmpty();
    }

    private static String resource(String name) {
        try (InputStream in = GuessedFormatAuditTest.class.getResourceAsStream("/ini/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
