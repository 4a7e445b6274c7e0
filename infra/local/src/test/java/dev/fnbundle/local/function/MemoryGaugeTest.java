package dev.fnbundle.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryGaugeTest {
    @Test
    void the_peak_is_the_VmHWM_line_in_megabytes_rounded_up() {
        String status = "Name:\tjava\nVmPeak:\t 9999999 kB\nVmHWM:\t  204801 kB\nVmRSS:\t 1000 kB\n";
        byte[] bytes = status.getBytes(StandardCharsets.US_ASCII);

        assertThat(MemoryGauge.parse(bytes, bytes.length)).isEqualTo(201);
        assertThat(MemoryGauge.parse(bytes, status.indexOf("VmHWM"))).as("cut before the line").isEqualTo(-1);
        byte[] none = "Name:\tjava\nXVmHWM:\t 5 kB\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(MemoryGauge.parse(none, none.length)).as("only at a line's start").isEqualTo(-1);
    }

    @Test
    void an_open_gauge_reads_the_process_again_each_time() throws Exception {
        if (!Files.exists(Path.of("/proc/self/status"))) {
            return; // no /proc on this system: the gauge reads -1, as the next test shows
        }
        try (var gauge = MemoryGauge.of(ProcessHandle.current().pid())) {
            int first = gauge.peakMegabytes();
            byte[][] held = new byte[64][];
            for (int i = 0; i < held.length; i++) {
                held[i] = new byte[1024 * 1024];
                java.util.Arrays.fill(held[i], (byte) 1);
            }
            int later = gauge.peakMegabytes();

            assertThat(first).isPositive();
            assertThat(later).isGreaterThanOrEqualTo(first);
            assertThat(held[63][0]).isEqualTo((byte) 1);
        }
    }

    @Test
    void a_process_without_a_proc_entry_reads_unknown() {
        try (var gauge = MemoryGauge.of(Long.MAX_VALUE)) {
            assertThat(gauge.peakMegabytes()).isEqualTo(-1);
        }
    }
}
