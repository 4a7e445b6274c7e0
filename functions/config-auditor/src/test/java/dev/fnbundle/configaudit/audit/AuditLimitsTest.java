package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.validation.FieldError;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.difflib.MatchWorkExceededException;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounds that keep one audit inside a Lambda: lines per side and matcher work. */
class AuditLimitsTest {
    @Test
    void line_count_equals_pythons_splitlines_on_every_kind_of_line_break() {
        var random = new Random(3);
        String alphabet = "ab \r\n\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";
        for (int round = 0; round < 2000; round++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(DriftAuditor.lineCount(text.toString())).as(text.toString())
                    .isEqualTo(PythonText.splitLinesKeepEnds(text.toString()).size());
        }
    }

    @Test
    void a_side_over_the_line_limit_is_refused_before_any_matching() {
        var auditor = new DriftAuditor(new AuditLimits(1 << 20, 10, 10, 10, 3, Long.MAX_VALUE));

        assertThatThrownBy(() -> auditor.audit(new AuditRequest("n", "a\nb\nc\n", "a\nb\nc\nd", null, null, null,
                null))).isInstanceOfSatisfying(TooManyLinesException.class, e -> {
                    assertThat(e.field()).isEqualTo("current");
                    assertThat(e.limit()).isEqualTo(3);
                    assertThat(e.actual()).isEqualTo(4);
                });
    }

    @Test
    void the_matcher_stops_at_its_work_limit_without_changing_results_below_it() {
        // given: 2000 lines over 40 values each side, autojunk off: many index matches
        var random = new Random(5);
        List<String> a = random.ints(2000, 0, 40).mapToObj(i -> "v" + i + "\n").toList();
        List<String> b = random.ints(2000, 0, 40).mapToObj(i -> "v" + i + "\n").toList();
        var unlimited = SequenceMatcher.of(a, b, false);
        // then
        assertThat(SequenceMatcher.of(a, b, false).limitWork(Long.MAX_VALUE / 2).matchingBlocks())
                .isEqualTo(unlimited.matchingBlocks());
        assertThatThrownBy(() -> SequenceMatcher.of(a, b, false).limitWork(10_000).matchingBlocks())
                .isInstanceOfSatisfying(MatchWorkExceededException.class, e -> assertThat(e.maxWork())
                        .isEqualTo(10_000));
    }

    @Test
    void an_audit_over_the_work_limit_is_too_complex() {
        var random = new Random(6);
        var a = new StringBuilder();
        var b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            a.append("v").append(random.nextInt(40)).append("=1\n");
            b.append("v").append(random.nextInt(40)).append("=1\n");
        }
        var auditor = new DriftAuditor(new AuditLimits(1 << 20, 10, 10, 10, 10_000, 10_000));

        assertThatThrownBy(() -> auditor.audit(new AuditRequest("n", a.toString(), b.toString(), "properties",
                null, null, false))).isInstanceOfSatisfying(AuditTooComplexException.class,
                        e -> assertThat(e.maxWork()).isEqualTo(10_000));
    }

    @Test
    void a_baseline_is_checked_alone_and_its_errors_name_the_content() {
        var auditor = new DriftAuditor();

        assertThat(auditor.checkBaseline("svc", "[a]\nb = 1\n", null, List.of("a.*"))).isEqualTo(ConfigFormat.INI);
        assertThatThrownBy(() -> auditor.checkBaseline("svc", null, "ini", null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("content", "is required (it may be an empty string)")));
        assertThatThrownBy(() -> auditor.checkBaseline("svc", "{\"a\": }", "json", null))
                .isInstanceOfSatisfying(ConfigParseException.class, e -> assertThat(e.document())
                        .isEqualTo("content"));
        assertThatThrownBy(() -> auditor.checkBaseline("svc", "a\u0000", null, null))
                .isInstanceOfSatisfying(PayloadRejectedException.class, e -> assertThat(e.field())
                        .isEqualTo("content"));
        assertThat(DriftAuditor.isValidName("web-frontend.prod")).isTrue();
        assertThat(DriftAuditor.isValidName("-x")).isFalse();
    }
}
