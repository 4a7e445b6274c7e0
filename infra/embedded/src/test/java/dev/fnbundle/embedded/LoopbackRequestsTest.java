package dev.fnbundle.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackRequestsTest {
    @Test
    void loopback_names_are_accepted_with_or_without_a_port() {
        for (String host : new String[] {"localhost", "LOCALHOST:3000", "127.0.0.1", "127.0.0.1:8000", "[::1]",
            "[::1]:9324"}) {
            assertThat(LoopbackRequests.isLoopbackHost(host)).as(host).isTrue();
        }
    }

    @Test
    void other_hosts_and_malformed_ports_are_refused() {
        for (String host : new String[] {null, "", "evil.example", "localhost.evil.example", "127.0.0.1.nip.io",
            "localhost:", "localhost:99999", "localhost:3000x", "[::1]x", "127.0.0.2", "0.0.0.0:3000",
            "localhost:3000:3000", "user@localhost"}) {
            assertThat(LoopbackRequests.isLoopbackHost(host)).as(host).isFalse();
        }
    }

    @Test
    void only_pages_of_the_same_loopback_server_count_as_same_origin() {
        assertThat(LoopbackRequests.isSameLoopbackOrigin(null, 3000)).isTrue();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://localhost:3000", 3000)).isTrue();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://127.0.0.1:3000", 3000)).isTrue();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://[::1]:3000", 3000)).isTrue();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://localhost", 80)).isTrue();

        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://localhost:3001", 3000)).isFalse();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("https://localhost:3000", 3000)).isFalse();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://evil.example:3000", 3000)).isFalse();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("null", 3000)).isFalse();
        assertThat(LoopbackRequests.isSameLoopbackOrigin("http://localhost", 3000)).isFalse();
    }
}
