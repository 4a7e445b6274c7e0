package dev.fnbundle.orders.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void release_numbers_compare_numerically_and_trailing_zeros_do_not_matter() {
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
        assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0")).hasSameHashCodeAs(Version.parse("1"));
        assertThat(Version.parse("2024.2")).isGreaterThan(Version.parse("2024.1.9"));
    }

    @Test
    void pre_post_dev_and_local_versions_sort_as_pep_440_says() {
        List<String> ascending = List.of("1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0+abc",
                "1.0+5", "1.0.post1.dev0", "1.0.post1", "1.1.dev1", "1!0.1");
        for (int i = 1; i < ascending.size(); i++) {
            assertThat(Version.parse(ascending.get(i - 1))).as(ascending.get(i - 1) + " < " + ascending.get(i))
                    .isLessThan(Version.parse(ascending.get(i)));
        }
    }

    @Test
    void alternative_spellings_normalize() {
        assertThat(Version.parse("v1.0-ALPHA.2").normalized()).isEqualTo("1.0a2");
        assertThat(Version.parse("1.0-1").normalized()).isEqualTo("1.0.post1");
        assertThat(Version.parse("1.0c1")).isEqualTo(Version.parse("1.0rc1"));
        assertThat(Version.parse(" 2.0 ").toString()).isEqualTo("2.0");
    }

    @Test
    void invalid_versions_are_rejected_with_a_reason() {
        assertThatThrownBy(() -> Version.parse("two")).isInstanceOf(VersionSyntaxException.class);
        assertThatThrownBy(() -> Version.parse("1.0.0.")).isInstanceOf(VersionSyntaxException.class);
        assertThatThrownBy(() -> Version.parse("1234567890123456789012")).hasMessageContaining("18 digits");
    }

    @Test
    void requirements_parse_names_in_pep_503_form_and_specifiers() {
        Requirement requirement = Requirement.parse("Web_Kit.Core >= 2.28 , < 3");
        assertThat(requirement.key()).isEqualTo("web-kit-core");
        assertThat(requirement.toString()).isEqualTo("Web_Kit.Core>=2.28,<3");
        assertThat(requirement.specifiers().matches(Version.parse("2.30"))).isTrue();
        assertThat(requirement.specifiers().matches(Version.parse("3.0"))).isFalse();
        assertThat(Requirement.parse("requests (>=1.0)").specifiers().toString()).isEqualTo(">=1.0");
    }

    @Test
    void unsupported_requirement_syntax_says_what_is_unsupported() {
        assertThatThrownBy(() -> Requirement.parse("requests[security]>=2")).hasMessageContaining("extras");
        assertThatThrownBy(() -> Requirement.parse("requests; python_version<'3'")).hasMessageContaining("marker");
        assertThatThrownBy(() -> Requirement.parse("requests>=2.*")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> Requirement.parse("requests~=2")).hasMessageContaining("two release numbers");
        assertThatThrownBy(() -> Requirement.parse(">=2")).hasMessageContaining("package name");
    }
}
