package dev.fnbundle.configaudit.audit;

import static dev.fnbundle.configaudit.testing.Timing.finishesInLinearTime;
import static dev.fnbundle.configaudit.testing.Timing.megabyteOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 1, end to end: a whole audit of 1 MB adversarial sides (detection, parsing or its failure,
 * masking by position, shape and value, both diffs and the page) stays linear, and so does request validation.
 */
class AuditAdversarialInputTest {
    private final DriftAuditor auditor = new DriftAuditor();

    @ParameterizedTest
    @ValueSource(strings = {"a://", "password: \"", ": a", "a${", "\"token\": [", "pass\\u0077ord=", "[", "%41",
            "'\"", "\\u0041", "x://u:p@"})
    void a_megabyte_line_of_any_repeated_shape_is_audited_in_linear_time(String unit) {
        // given: the worst one-line shapes for each layer (the many-line shapes are the readers' and the masker's
        //        own tests: here they would only measure a diff of 100 000 rewritten lines)
        String baseline = megabyteOf(unit);
        String current = "password: hunter22\n" + baseline + "\n";
        // when
        AuditReport report = finishesInLinearTime(() -> auditor.audit(new AuditRequest("big", baseline, current, null,
                Collections.nCopies(100, "*" + "a".repeat(200) + "*b"), 1, null)));
        // then
        assertThat(report.hasDrift()).isTrue();
        assertThat(DriftAuditor.html(report)).doesNotContain("hunter22");
    }

    @Test
    void a_megabyte_name_is_refused_in_linear_time() {
        assertThat(finishesInLinearTime(() -> DriftAuditor.isValidName(megabyteOf("a")))).isFalse();
    }

    @Test
    void a_hundred_kb_secret_changed_on_a_thousand_lines_is_masked_in_linear_time() {
        // given: a long secret value that each of many lines repeats (the redactor's worst realistic case)
        String secret = megabyteOf("Zx9-").substring(0, 100_000);
        StringBuilder notes = new StringBuilder("token: \"" + secret + "\"\n");
        for (int i = 0; i < 1000; i++) {
            notes.append("note").append(i).append(": ").append(secret, 0, 500).append('\n');
        }
        String baseline = notes.toString();
        String current = baseline.replace("note", "memo");
        // when
        AuditReport report = finishesInLinearTime(() -> auditor.audit(new AuditRequest("big", baseline, current,
                "yaml", List.of(), 0, null)));
        // then
        assertThat(report.addedLines()).hasSize(1000).allSatisfy(line -> assertThat(line).endsWith(": ******\n"));
    }
}
