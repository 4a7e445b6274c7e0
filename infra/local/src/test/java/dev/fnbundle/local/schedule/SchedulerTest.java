package dev.fnbundle.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    @Test
    void the_scheduled_event_is_eventbridges_document_for_the_rule() throws Exception {
        var scheduler = new Scheduler(java.util.List.of(), Clock.fixed(Instant.parse("2026-11-25T10:00:00.123Z"),
                ZoneOffset.UTC), "000000000000", "us-east-1");
        var rule = new Scheduler.Rule("Nightly", null, ScheduleExpression.parse("rate(1 day)"), null, true,
                "rate(1 day)");

        var event = new ObjectMapper().readTree(scheduler.event(rule));

        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("time").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(event.get("resources").get(0).asText())
                .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/Nightly");
        assertThat(event.get("detail").isEmpty()).isTrue();
    }

    @Test
    void a_rule_with_constant_input_sends_that_input() {
        var scheduler = new Scheduler(java.util.List.of(), Clock.systemUTC(), "000000000000", "us-east-1");
        var rule = new Scheduler.Rule("Tick", null, ScheduleExpression.parse("rate(1 day)"), "{\"k\": 1}", true,
                "rate(1 day)");

        assertThat(new String(scheduler.event(rule), StandardCharsets.UTF_8)).isEqualTo("{\"k\": 1}");
    }
}
