package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.testing.Python;
import dev.fnbundle.configaudit.testing.Configs;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seed's TEMPLATE/DEPLOYED example as Python 3.11 computes it (not as the tutorial prints it). */
class ConfigAuditTest {

    @Test
    void seed_example_matches_what_python_computes() {
        // when
        ConfigAuditResult result = ConfigAudit.audit(Configs.TEMPLATE, Configs.DEPLOYED);
        // then
        assertThat(result.similarity()).isEqualTo(0.7619047619047619);
        assertThat(result.hasDrift()).isTrue();
        assertThat(result.addedLines()).containsExactly("port = 9090\n", "pool_size = 20\n", "max_overflow = 5\n");
        assertThat(result.removedLines()).containsExactly("port = 8080\n", "pool_size = 10\n");
        assertThat(result.changedSections()).containsExactly("port = 8080", "pool_size = 10");
        assertThat(result.summary()).isEqualTo("Config drift detected (similarity: 76.2%)\n"
                + "  Added lines:   3\n  Removed lines: 2");
    }

    @Test
    void seed_example_opcodes_match_python() {
        // given
        List<String> a = PythonText.splitLinesKeepEnds(Configs.TEMPLATE);
        List<String> b = PythonText.splitLinesKeepEnds(Configs.DEPLOYED);
        // when / then
        assertThat(SequenceMatcher.of(a, b).opcodes()).hasToString("[('equal', 0, 2, 0, 2), ('replace', 2, 3, 2, 3), "
                + "('equal', 3, 9, 3, 9), ('replace', 9, 10, 9, 11)]");
    }

    @Test
    void identical_configs_report_no_drift() {
        // when
        ConfigAuditResult result = ConfigAudit.audit(Configs.TEMPLATE, Configs.TEMPLATE);
        // then
        assertThat(result.hasDrift()).isFalse();
        assertThat(result.summary()).isEqualTo("No drift detected. Config matches template.");
    }

    @Test
    void inserts_and_deletes_add_lines_but_no_changed_section() {
        // when
        ConfigAuditResult result = ConfigAudit.audit("a\nb\nc\n", "a\nc\nd\n");
        // then
        assertThat(result.removedLines()).containsExactly("b\n");
        assertThat(result.addedLines()).containsExactly("d\n");
        assertThat(result.changedSections()).isEmpty();
    }

    @Test
    void percent_rounds_the_binary_value_half_even_like_python() {
        // then: 0.0005 * 100 is 0.05000000000000000277; 0.00375 * 100 is 0.375 exactly, a true tie
        assertThat(PythonPercent.format(0.7619047619047619, 1)).isEqualTo("76.2%");
        assertThat(PythonPercent.format(0.0005, 1)).isEqualTo("0.1%");
        assertThat(PythonPercent.format(0.00375, 2)).isEqualTo("0.38%");
        assertThat(PythonPercent.format(1.0, 1)).isEqualTo("100.0%");
        assertThat(PythonPercent.format(0.0, 1)).isEqualTo("0.0%");
    }

    @Test
    void percent_equals_python_for_many_seeded_ratios() throws Exception {
        Python.assumePython();
        // given
        Random random = new Random(7);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int total = 1 + random.nextInt(20000);
            values.add(2.0 * random.nextInt(total / 2 + 1) / total);
        }
        // when
        JsonNode python = Python.jsonResource("/python/percent_oracle.py", values);
        // then
        for (int i = 0; i < values.size(); i++) {
            assertThat(PythonPercent.format(values.get(i), 1)).as("value %s", values.get(i))
                    .isEqualTo(python.get(i).asText());
        }
    }
}
