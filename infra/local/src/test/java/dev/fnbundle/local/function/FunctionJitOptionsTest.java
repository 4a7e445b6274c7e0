package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The function JVMs' JIT flags, by {@code -Dfnbundle.functionJit}. */
class FunctionJitOptionsTest {
    @AfterEach
    void clear() {
        System.clearProperty(FunctionLauncher.JIT_PROPERTY);
    }

    @Test
    void by_default_both_compilers_run_with_c2_for_code_that_stays_hot() {
        assertThat(FunctionLauncher.jitOptions()).startsWith("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=4")
                .containsAll(FunctionLauncher.HOT_CODE_ONLY_C2);
    }

    @Test
    void c2_keeps_the_jvms_own_thresholds() {
        System.setProperty(FunctionLauncher.JIT_PROPERTY, "c2");

        assertThat(FunctionLauncher.jitOptions()).containsExactly("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void template_keeps_the_templates_flags() {
        System.setProperty(FunctionLauncher.JIT_PROPERTY, "template");

        assertThat(FunctionLauncher.jitOptions()).isEmpty();
    }
}
