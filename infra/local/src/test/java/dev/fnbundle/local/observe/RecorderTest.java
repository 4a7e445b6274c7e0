package dev.fnbundle.local.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RecorderTest {
    @Test
    void the_oldest_invocations_and_lines_go_first_when_the_rings_are_full() {
        var recorder = new Recorder(3, 2);
        for (int i = 1; i <= 5; i++) {
            recorder.invocation(invocation("r" + i));
            recorder.log(line("F", "r" + i, "line " + i));
        }

        assertThat(recorder.invocations()).extracting(InvocationRecord::requestId).containsExactly("r3", "r4", "r5");
        assertThat(recorder.logs("F")).extracting(LogLine::text).containsExactly("line 4", "line 5");
        assertThat(recorder.invocation("r1")).isEmpty();
        assertThat(recorder.logsOf("F", "r5")).extracting(LogLine::text).containsExactly("line 5");
    }

    @Test
    void a_body_cut_from_its_bytes_reads_as_the_same_body_cut_from_its_text() {
        String ascii = "x".repeat(100);
        String mixed = "é€😀a".repeat(40);
        String longMixed = "x".repeat(301) + "é€😀a".repeat(50) + "y".repeat(77) + "😀";
        for (String text : List.of("", "short", ascii, mixed, "😀".repeat(60), "a" + "😀".repeat(60), longMixed,
                longMixed.substring(3), "ab" + longMixed)) {
            for (int max : List.of(1, 2, 7, 50, 99, 100, 101, 400)) {
                assertThat(Recorder.cut(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), max))
                        .as("%s cut at %d", text, max).isEqualTo(Recorder.cut(text, max));
            }
        }
    }

    @Test
    void every_record_gets_the_next_sequence_number_for_live_views_to_resume_from() {
        var recorder = new Recorder(10, 10);
        recorder.invocation(invocation("a"));
        recorder.log(line("F", "a", "x"));
        recorder.instance(InstanceEvent.of("F", 1, InstanceEvent.State.READY, 12.5, null));

        assertThat(recorder.invocations().getFirst().sequence()).isEqualTo(1);
        assertThat(recorder.logs("F").getFirst().sequence()).isEqualTo(2);
        assertThat(recorder.instances().getFirst().sequence()).isEqualTo(3);
    }

    @Test
    void long_lines_and_bodies_are_cut_and_say_how_much_was_cut() {
        var recorder = new Recorder(10, 10);
        recorder.log(line("F", null, "x".repeat(Recorder.MAX_LINE_CHARS + 5)));

        assertThat(recorder.logs("F").getFirst().text()).endsWith("...[5 more characters]")
                .hasSize(Recorder.MAX_LINE_CHARS + "...[5 more characters]".length());
        assertThat(Recorder.cut("short", 10)).isEqualTo("short");
    }

    @Test
    void observers_hear_what_comes_until_they_unsubscribe_and_a_failing_one_harms_no_one() throws Exception {
        var recorder = new Recorder(10, 10);
        var heard = new ArrayList<String>();
        recorder.subscribe(new Observer() {
            @Override
            public void log(LogLine line) {
                throw new IllegalStateException("broken view");
            }
        });
        AutoCloseable subscription = recorder.subscribe(new Observer() {
            @Override
            public void invocation(InvocationRecord record) {
                heard.add(record.requestId());
            }
        });

        recorder.invocation(invocation("seen"));
        recorder.log(line("F", null, "logged despite the broken view"));
        subscription.close();
        recorder.invocation(invocation("after"));

        assertThat(heard).containsExactly("seen");
        assertThat(recorder.logs("F")).hasSize(1);
    }

    @Test
    void recording_from_many_threads_loses_nothing_and_keeps_the_bound() throws Exception {
        var recorder = new Recorder(100, 100);
        var done = new CountDownLatch(8);
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        recorder.invocation(invocation(thread + "-" + i));
                        recorder.log(line("F" + thread, null, "l" + i));
                    }
                    done.countDown();
                });
            }
            done.await();
        }

        assertThat(recorder.invocations()).hasSize(100);
        List<Long> sequences = recorder.invocations().stream().map(InvocationRecord::sequence).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(recorder.logs("F3")).hasSize(100);
    }

    @Test
    void the_report_line_has_lambdas_fields_and_init_only_on_a_cold_start() {
        var warm = new InvocationRecord(0, "id-1", "F", 1, Trigger.invoke("RequestResponse"), Instant.now(), 12.345,
                -1, 13, 512, 97, "ok", null, "{}", "{}");
        var cold = new InvocationRecord(0, "id-2", "F", 2, Trigger.invoke("RequestResponse"), Instant.now(), 1.5,
                800.125, 802, 512, -1, "ok", null, "{}", "{}");

        assertThat(warm.reportLine()).isEqualTo("REPORT RequestId: id-1\tDuration: 12.35 ms\tBilled Duration: 13 ms"
                + "\tMemory Size: 512 MB\tMax Memory Used: 97 MB");
        assertThat(cold.reportLine()).endsWith("\tMax Memory Used: n/a\tInit Duration: 800.13 ms");
    }

    @Test
    void levels_are_read_from_json_lines_level_words_and_stack_traces() {
        assertThat(LogLevel.of("{\"timestamp\":\"t\",\"level\":\"WARN\",\"message\":\"error in text\"}"))
                .isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of("2025-01-01 12:00:00 ERROR something broke")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("[main] WARNING: careful")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of("\tat dev.fnbundle.Foo.bar(Foo.java:1)")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("Picked up JAVA_TOOL_OPTIONS: -Xshare:auto")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.of("errors=0 warnings=0")).isEqualTo(LogLevel.INFO);
    }

    private static InvocationRecord invocation(String requestId) {
        return new InvocationRecord(0, requestId, "F", 1, Trigger.route("GET /x"), Instant.now(), 1, -1, 1, 128, 64,
                "ok", null, "{}", "{}");
    }

    private static LogLine line(String function, String requestId, String text) {
        return new LogLine(0, Instant.now(), function, 1, requestId, LogLevel.INFO, text);
    }
}
