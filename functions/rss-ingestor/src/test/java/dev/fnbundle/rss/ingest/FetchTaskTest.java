package dev.fnbundle.rss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchTaskTest {
    private static final String ID = "0123456789abcdef01234567";

    @Test
    void a_task_survives_the_queue_with_its_slot() {
        var task = new FetchTask(ID, "run-1", null).withSlot(Instant.parse("2026-12-01T10:00:02Z"));

        assertThat(task.toJson()).isEqualTo("{\"feedId\":\"" + ID + "\",\"run\":\"run-1\","
                + "\"slotAt\":\"2026-12-01T10:00:02Z\"}");
        assertThat(FetchTask.parse(task.toJson())).isEqualTo(task);
        assertThat(FetchTask.parse("{\"feedId\":\"" + ID + "\"}")).isEqualTo(new FetchTask(ID, "unknown", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"feedId\": \"../../etc\"}", "{\"feedId\": 7}",
        "{\"feedId\": \"0123456789abcdef01234567\", \"slotAt\": \"soon\"}"})
    void a_malformed_message_is_refused_so_it_ends_in_the_dead_letter_queue(String body) {
        assertThatThrownBy(() -> FetchTask.parse(body)).isInstanceOf(IllegalArgumentException.class);
    }
}
