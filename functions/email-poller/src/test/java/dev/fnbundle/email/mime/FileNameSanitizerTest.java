package dev.fnbundle.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.email.support.CpuBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameSanitizerTest {
    private final FileNameSanitizer sanitizer = new FileNameSanitizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '#', value = {
        "invoice.pdf#invoice.pdf",
        "../../etc/passwd#passwd",
        "..\\..\\windows\\system32\\evil.dll#evil.dll",
        "C:\\Users\\x\\report.pdf#report.pdf",
        "/absolute/path/name.txt#name.txt",
        "..#attachment.pdf",
        "...hidden#hidden",
        "trailing dots...#trailing dots",
        "CON#_CON",
        "con.txt#_con.txt",
        "LPT9.pdf#_LPT9.pdf",
        "COM10.txt#COM10.txt",
        "a<b>c:d\"e|f?g*h.pdf#a_b_c_d_e_f_g_h.pdf",
        "'   spaced    out   .pdf'#spaced out .pdf",
    })
    void sanitizes_names_by_the_documented_rules(String input, String expected) {
        // given a name chosen by the sender, when sanitized, then only a plain file name is left
        assertThat(sanitizer.sanitize(input, "application/pdf")).isEqualTo(expected);
    }

    @Test
    void removes_control_and_bidi_override_characters() {
        // given the right-to-left override trick that shows "exe.pdf" for "fdp.exe", and a NUL and newline
        String name = "\u202Efdp.exe";
        String withControls = "in\u0000voi\nce\u200B.pdf";

        // then neither survives
        assertThat(sanitizer.sanitize(name, null)).isEqualTo("fdp.exe");
        assertThat(sanitizer.sanitize(withControls, null)).isEqualTo("invoice.pdf");
    }

    @Test
    void never_returns_an_empty_name() {
        assertThat(sanitizer.sanitize(null, "application/pdf")).isEqualTo("attachment.pdf");
        assertThat(sanitizer.sanitize("   ", "image/png")).isEqualTo("attachment.png");
        assertThat(sanitizer.sanitize("../../", null)).isEqualTo("attachment.bin");
        assertThat(sanitizer.sanitize("\u202E\u0000", "application/x-unknown")).isEqualTo("attachment.bin");
    }

    @Test
    void cuts_long_names_in_the_stem_and_keeps_the_extension() {
        // given a 300 character name with an extension
        String longName = "x".repeat(300) + ".pdf";

        // when sanitized
        String result = sanitizer.sanitize(longName, null);

        // then it is exactly the limit long and still a .pdf
        assertThat(result).hasSize(FileNameSanitizer.MAX_LENGTH).endsWith(".pdf").startsWith("xxx");
    }

    @Test
    void cuts_by_code_points_without_splitting_surrogate_pairs() {
        String emoji = "\uD83D\uDCB0".repeat(150) + ".txt";

        String result = sanitizer.sanitize(emoji, null);

        assertThat(result.codePointCount(0, result.length())).isEqualTo(FileNameSanitizer.MAX_LENGTH);
        assertThat(result).endsWith(".txt");
        assertThat(result.replace(".txt", "").codePoints()).containsOnly(0x1F4B0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0301\u0316", "\u0316\u0301", " ", "a \t", "\u200b", "../", "e\u0301"})
    void a_hostile_name_of_1_mib_is_sanitized_in_well_under_a_second(String unit) {
        // given 1 MiB of one unit: combining marks of alternating classes made Unicode normalization quadratic
        String name = unit.repeat((1 << 20) / unit.length()) + ".pdf";

        // then the name is cut before it is normalized, and the result keeps the rules
        CpuBudget.assertWithin(Duration.ofSeconds(2), () -> assertThat(sanitizer.sanitize(name, "application/pdf"))
                .isNotEmpty().hasSizeLessThanOrEqualTo(FileNameSanitizer.MAX_LENGTH * 2));
    }

    @Test
    void a_name_over_1024_characters_keeps_its_start_and_its_extension() {
        String name = "Rechnung-2026-" + "x".repeat(5_000) + ".pdf";

        String sanitized = sanitizer.sanitize(name, "application/pdf");

        assertThat(sanitized).startsWith("Rechnung-2026-xxx").endsWith("x.pdf");
        assertThat(sanitized.codePointCount(0, sanitized.length())).isEqualTo(FileNameSanitizer.MAX_LENGTH);
    }
}
