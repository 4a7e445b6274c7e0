package dev.fnbundle.email.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {
    @Test
    void the_wait_doubles_with_each_receive_up_to_fifteen_minutes() {
        var waits = IntStream.rangeClosed(1, 7).map(n -> RetryBackoff.delaySeconds(30, n)).boxed().toList();

        assertThat(waits).containsExactly(30, 60, 120, 240, 480, 900, 900);
    }

    @Test
    void odd_inputs_stay_within_bounds() {
        assertThat(RetryBackoff.delaySeconds(30, 0)).isEqualTo(30);
        assertThat(RetryBackoff.delaySeconds(30, Integer.MAX_VALUE)).isEqualTo(900);
        assertThat(RetryBackoff.delaySeconds(0, 3)).isZero();
        assertThat(RetryBackoff.delaySeconds(-5, 3)).isZero();
    }
}
