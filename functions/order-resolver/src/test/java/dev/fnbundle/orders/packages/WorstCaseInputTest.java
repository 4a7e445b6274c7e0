package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.CpuBudget;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every pattern that reads a package request ({@link Version}'s PEP 440 syntax, {@link Requirement}'s name,
 * {@link VersionSpecifier}'s clause, the splits around them) takes time linear in its input and no stack: a
 * 1 MB adversarial value, well inside the 6 MB body a request may have, is answered in well under a second of
 * CPU time with a 422, never a 500 or a timeout.
 */
class WorstCaseInputTest {
    private static final int MB = 1 << 20;
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private static String repeat(String unit, String tail) {
        return unit.repeat(MB / unit.length()) + tail;
    }

    private static void refusedQuickly(Supplier<?> parse) {
        CpuBudget.assertWithin(BUDGET, () -> assertThatThrownBy(parse::get)
                .isInstanceOf(VersionSyntaxException.class));
    }

    @Test
    void a_megabyte_version_is_a_syntax_error_in_linear_time_whatever_its_shape() {
        refusedQuickly(() -> Version.parse(repeat("1", "x")));
        refusedQuickly(() -> Version.parse(repeat("1.", "x")));
        refusedQuickly(() -> Version.parse(repeat("0", "!")));
        refusedQuickly(() -> Version.parse("1.0+" + repeat("a.", "!")));
        refusedQuickly(() -> Version.parse("1.0+" + repeat("a-1_", "")));
        refusedQuickly(() -> Version.parse(repeat("1.0", "")));
        refusedQuickly(() -> Version.parse("1" + repeat("-", "")));
    }

    @Test
    void a_megabyte_requirement_is_a_syntax_error_in_linear_time() {
        refusedQuickly(() -> Requirement.parse("a" + repeat(".", "!")));
        refusedQuickly(() -> Requirement.parse(repeat("a-", " >=x")));
        refusedQuickly(() -> Requirement.parse("a " + repeat(" ", ">=")));
        refusedQuickly(() -> Requirement.parse("a >=" + repeat("1.", "x")));
        refusedQuickly(() -> Requirement.parse("a " + repeat(">=1,", ",")));
        CpuBudget.assertWithin(BUDGET, () -> assertThat(Requirement.isValidName(repeat("a._-", "!"))).isFalse());
        CpuBudget.assertWithin(BUDGET, () -> assertThat(Requirement.normalizeName(repeat("a._-", "")))
                .hasSize(MB / 2));
    }

    @Test
    void a_megabyte_specifier_is_a_syntax_error_in_linear_time() {
        refusedQuickly(() -> SpecifierSet.parse(repeat(" ", ">=1 x")));
        refusedQuickly(() -> SpecifierSet.parse(">=" + repeat(" ", "1 x")));
        refusedQuickly(() -> SpecifierSet.parse(repeat(",", "")));
        refusedQuickly(() -> SpecifierSet.parse("==" + repeat("1.", "*.*")));
    }
}
