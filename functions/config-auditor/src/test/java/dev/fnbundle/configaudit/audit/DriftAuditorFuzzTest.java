package dev.fnbundle.configaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.configaudit.semantic.ConfigEntry;
import dev.fnbundle.configaudit.semantic.ConfigFormat;
import dev.fnbundle.configaudit.semantic.ConfigParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: a whole audit of two documents, and the masking invariant. {@link DriftAuditor#audit} returns a
 * report or throws what its Javadoc names (400, 413, 422); and a secret value (under a secret-named key of either
 * side) never appears in anything the report shows: the unified diff, added and removed lines, sections, key
 * drift, warnings or the HTML page. The first byte picks the format (or none: detect), then
 * {@code baseline NUL current}.
 */
class DriftAuditorFuzzTest {
    private static final DriftAuditor AUDITOR = new DriftAuditor();
    private static final ConfigFormat[] FORMATS = ConfigFormat.values();

    @FuzzTest
    void an_audit_reports_or_refuses_and_never_shows_a_secret(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int pick = Byte.toUnsignedInt(data[0]) % (FORMATS.length + 1);
        String format = pick < FORMATS.length ? FORMATS[pick].label() : null;
        String[] sides = new String(data, 1, data.length - 1, StandardCharsets.UTF_8).split("\u0000", 2);
        AuditRequest request = new AuditRequest("cfg", sides[0], sides.length > 1 ? sides[1] : "", format, null,
                null, null);
        AuditReport report;
        try {
            report = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> AUDITOR.audit(request));
        } catch (InvalidFieldsException | PayloadRejectedException | TooManyLinesException
                 | AuditTooComplexException | ConfigParseException expected) {
            return;
        }
        List<String> secrets = new ArrayList<>();
        secrets.addAll(secretValues(report.format(), request.baseline()));
        secrets.addAll(secretValues(report.format(), request.current()));
        if (secrets.isEmpty()) {
            return;
        }
        String shown = shown(report);
        for (String secret : secrets) {
            assertThat(shown).as("a secret value in the report").doesNotContain(secret);
        }
    }

    /**
     * The secret values of one side that are distinctive enough to look for: at least 8 letters and digits, both
     * kinds, so that no header, marker or number of the report can contain one by chance.
     */
    private static List<String> secretValues(ConfigFormat format, String text) {
        List<String> values = new ArrayList<>();
        try {
            for (ConfigEntry entry : format.parser().read(text).entries().values()) {
                String v = entry.value();
                if (entry.secret() && v.length() >= 8 && v.chars().allMatch(Character::isLetterOrDigit)
                        && v.chars().anyMatch(Character::isLetter) && v.chars().anyMatch(Character::isDigit)
                        && v.chars().allMatch(c -> c < 128)) {
                    values.add(v);
                }
            }
        } catch (ConfigParseException sideDidNotParse) {
            return values;
        }
        return values;
    }

    private static String shown(AuditReport report) {
        StringBuilder all = new StringBuilder(report.unifiedDiff());
        report.addedLines().forEach(all::append);
        report.removedLines().forEach(all::append);
        report.changedSections().forEach(all::append);
        report.warnings().forEach(w -> all.append(w.message()));
        if (report.keyDrift() != null) {
            report.keyDrift().map(s -> {
                all.append(s).append('\n');
                return s;
            });
        }
        all.append(DriftAuditor.html(report));
        return all.toString();
    }
}
