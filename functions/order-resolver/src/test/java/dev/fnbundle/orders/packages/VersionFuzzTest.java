package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.testing.CpuBudget;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: PEP 440 versions and specifiers. {@link Version#parse} and {@link SpecifierSet#parse} return a
 * value or throw {@link VersionSyntaxException}; a parsed version equals its normalized form re-parsed, orders
 * consistently with {@code equals}/{@code hashCode}, and a specifier set answers {@code matches} without
 * throwing. Text before the first NUL is the version, the rest the specifier set.
 */
class VersionFuzzTest {
    @FuzzTest
    void versions_and_specifiers_parse_or_are_syntax_errors_and_order_consistently(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int nul = text.indexOf('\u0000');
        String versionText = nul < 0 ? text : text.substring(0, nul);
        String specifierText = nul < 0 ? "" : text.substring(nul + 1);
        CpuBudget.run(CpuBudget.FUZZ_INPUT, () -> {
            Version version = null;
            try {
                version = Version.parse(versionText);
                Version again = Version.parse(version.normalized());
                assertThat(again).isEqualTo(version).hasSameHashCodeAs(version);
                assertThat(again.compareTo(version)).isZero();
                assertThat(version.publicVersion().compareTo(version)).isLessThanOrEqualTo(0);
                assertThat(version.baseVersion().hasLocal()).isFalse();
            } catch (VersionSyntaxException expected) {
                version = null;
            }
            try {
                SpecifierSet specifiers = SpecifierSet.parse(specifierText);
                if (version != null) {
                    specifiers.matches(version);
                }
            } catch (VersionSyntaxException expected) {
                // a 422 naming the clause
            }
        });
    }
}
