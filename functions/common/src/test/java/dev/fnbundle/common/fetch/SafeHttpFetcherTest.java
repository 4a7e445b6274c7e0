package dev.fnbundle.common.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against a local server on 127.0.0.1, with the local-runtime flag that lets loopback through. Redirect targets
 * outside loopback are refused before any connection, so no traffic ever leaves this machine.
 *
 * <p>Timeouts: the tests of one timeout give only that one a short value, against a host that never gets within it
 * (silent, or dripping forever), so that it is the one that fires; everywhere else the timeouts are generous, as a
 * loaded build machine can stall a thread for a second and no other test is about time.
 */
class SafeHttpFetcherTest {
    private static final FetchSettings SETTINGS = settings(Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static final AtomicInteger REBIND_LOOKUPS = new AtomicInteger();

    private static LocalFeedServer server;
    private static SafeHttpFetcher fetcher;

    @BeforeAll
    static void start() throws IOException {
        server = new LocalFeedServer();
        HostResolver dns = host -> switch (host) {
            case "intranet.test" -> SsrfGuardTest.addresses("10.1.2.3");
            // First answer passes the check, the next one (at connect time) adds the metadata address.
            case "rebind.test" -> REBIND_LOOKUPS.getAndIncrement() == 0 ? SsrfGuardTest.addresses("127.0.0.1")
                    : SsrfGuardTest.addresses("127.0.0.1", "169.254.169.254");
            default -> throw new UnknownHostException(host);
        };
        fetcher = new SafeHttpFetcher(new SsrfGuard(true, dns), SETTINGS);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    /** The test caps (64 KiB, 3 redirects) with these read and total timeouts, and a generous connect timeout. */
    private static FetchSettings settings(Duration read, Duration total) {
        return new FetchSettings(Duration.ofSeconds(30), read, total, 64 * 1024, 3, "fnbundle-test/1.0");
    }

    private static FetchOutcome<String> fetchText(String path) {
        return fetchText(FetchRequest.of(server.url(path)));
    }

    private static FetchOutcome<String> fetchText(FetchRequest request) {
        return fetcher.fetch(request, (response, body) -> new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void a_first_fetch_returns_the_body_and_the_validators() {
        FetchOutcome<String> outcome = fetchText("/feed");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class, fetched -> {
            assertThat(fetched.body()).isEqualTo(LocalFeedServer.FEED);
            assertThat(fetched.response().etag()).isEqualTo(LocalFeedServer.ETAG);
            assertThat(fetched.response().lastModified()).isEqualTo(LocalFeedServer.LAST_MODIFIED);
            assertThat(fetched.response().contentType()).isEqualTo("application/rss+xml");
            assertThat(fetched.response().charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(fetched.response().status()).isEqualTo(200);
        });
    }

    @Test
    void a_matching_etag_gives_not_modified_without_a_body() {
        FetchOutcome<String> outcome = fetchText(new FetchRequest(server.url("/feed"), LocalFeedServer.ETAG, null));

        assertThat(outcome).isEqualTo(new FetchOutcome.NotModified<String>(server.url("/feed"),
                LocalFeedServer.ETAG, null));
    }

    @Test
    void a_matching_last_modified_gives_not_modified_and_keeps_the_stored_validator() {
        FetchOutcome<String> outcome = fetchText(
                new FetchRequest(server.url("/feed"), null, LocalFeedServer.LAST_MODIFIED));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.NotModified.class,
                notModified -> assertThat(notModified.lastModified()).isEqualTo(LocalFeedServer.LAST_MODIFIED));
    }

    @Test
    void three_redirects_are_followed_relative_locations_included() {
        FetchOutcome<String> outcome = fetchText("/redirect/2");

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                fetched -> assertThat(fetched.response().finalUrl()).isEqualTo(server.url("/feed")));
    }

    @Test
    void a_redirect_chain_past_the_cap_or_a_loop_stops() {
        assertThatThrownBy(() -> fetchText("/redirect/3")).isInstanceOf(PermanentFetchException.class);
        assertThatThrownBy(() -> fetchText("/loop"))
                .isInstanceOfSatisfying(PermanentFetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(PermanentFetchException.Reason.BAD_REDIRECT))
                .hasMessageContaining("more than 3 redirects");
        assertThat(server.hits("/loop")).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/to-private", "/to-unspecified", "/to-internal-name", "/to-file"})
    void a_redirect_to_a_forbidden_target_is_refused_before_connecting(String path) {
        int before = server.hits("/feed");

        assertThatThrownBy(() -> fetchText(path)).isInstanceOf(SsrfRefusedException.class);
        assertThat(server.hits("/feed")).isEqualTo(before);
    }

    @Test
    void a_redirect_without_location_is_permanent() {
        assertThatThrownBy(() -> fetchText("/no-location")).isInstanceOfSatisfying(PermanentFetchException.class,
                e -> assertThat(e.reason()).isEqualTo(PermanentFetchException.Reason.BAD_REDIRECT));
    }

    @Test
    void a_dns_answer_that_changes_after_the_check_is_refused_at_connect_time() {
        int before = server.totalHits();

        assertThatThrownBy(() -> fetchText(FetchRequest.of(URI.create("http://rebind.test:" + server.port() + "/feed"))))
                .isInstanceOfSatisfying(SsrfRefusedException.class,
                        e -> assertThat(e.category()).isEqualTo(AddressCategory.LINK_LOCAL));
        assertThat(server.totalHits()).isEqualTo(before);
    }

    @Test
    void without_the_local_runtime_flag_loopback_is_refused() {
        int before = server.totalHits();
        try (SafeHttpFetcher strict = new SafeHttpFetcher(new SsrfGuard(false), SETTINGS)) {
            assertThatThrownBy(() -> strict.fetchBytes(FetchRequest.of(server.url("/feed"))))
                    .isInstanceOfSatisfying(SsrfRefusedException.class,
                            e -> assertThat(e.category()).isEqualTo(AddressCategory.LOOPBACK));
        }
        assertThat(server.totalHits()).isEqualTo(before);
    }

    @Test
    void a_silent_host_hits_the_read_timeout_as_transient() {
        try (var impatient = new SafeHttpFetcher(new SsrfGuard(true),
                settings(Duration.ofMillis(500), Duration.ofSeconds(60)))) {
            assertThatThrownBy(() -> impatient.fetchBytes(FetchRequest.of(server.url("/silent"))))
                    .isInstanceOf(TransientFetchException.class)
                    .hasMessageNotContaining("total fetch timeout")
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void a_host_that_drips_bytes_hits_the_total_timeout() {
        try (var impatient = new SafeHttpFetcher(new SsrfGuard(true),
                settings(Duration.ofSeconds(60), Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> impatient.fetchBytes(FetchRequest.of(server.url("/drip"))))
                    .isInstanceOf(TransientFetchException.class)
                    .hasMessageContaining("total fetch timeout");
        }
    }

    @Test
    void a_refused_connection_is_transient() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> fetcher.fetchBytes(FetchRequest.of(URI.create("http://127.0.0.1:" + port + "/"))))
                .isInstanceOf(TransientFetchException.class);
    }

    @Test
    void server_errors_are_transient_and_carry_retry_after() {
        assertThatThrownBy(() -> fetchText("/500")).isInstanceOfSatisfying(TransientFetchException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.retryAfter()).isNull();
        });
        assertThatThrownBy(() -> fetchText("/503")).isInstanceOfSatisfying(TransientFetchException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThatThrownBy(() -> fetchText("/429")).isInstanceOfSatisfying(TransientFetchException.class,
                e -> assertThat(e.retryAfter()).as("a date in the past means now").isEqualTo(Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/404", "/410", "/501"})
    void client_errors_are_permanent(String path) {
        assertThatThrownBy(() -> fetchText(path)).isInstanceOfSatisfying(PermanentFetchException.class, e -> {
            assertThat(e.reason()).isEqualTo(PermanentFetchException.Reason.HTTP_STATUS);
            assertThat(e.status()).isEqualTo(Integer.parseInt(path.substring(1)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/big", "/big-chunked", "/gzip-bomb"})
    void bodies_past_the_cap_are_aborted(String path) {
        assertThatThrownBy(() -> fetchText(path)).isInstanceOfSatisfying(ResponseTooLargeException.class,
                e -> assertThat(e.limitBytes()).isEqualTo(64 * 1024));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/gzip", "/deflate"})
    void compressed_bodies_are_decoded(String path) {
        assertThat(fetchText(path)).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                fetched -> assertThat(fetched.body()).isEqualTo(LocalFeedServer.FEED));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/bad-gzip", "/brotli"})
    void undecodable_bodies_are_permanent(String path) {
        assertThatThrownBy(() -> fetchText(path)).isInstanceOfSatisfying(PermanentFetchException.class,
                e -> assertThat(e.reason()).isEqualTo(PermanentFetchException.Reason.BAD_BODY));
    }

    @Test
    void the_http_charset_and_the_final_url_after_redirects_are_reported() {
        FetchOutcome<String> latin1 = fetcher.fetch(FetchRequest.of(server.url("/latin1")),
                (response, body) -> new String(body.readAllBytes(), response.charset()));
        FetchOutcome<String> redirected = fetchText("/redirect/1");

        assertThat(latin1).isInstanceOfSatisfying(FetchOutcome.Fetched.class, fetched -> {
            assertThat(fetched.response().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(fetched.body()).isEqualTo("<rss><channel><title>Café</title></channel></rss>");
        });
        assertThat(redirected).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                fetched -> assertThat(fetched.response().finalUrl()).isEqualTo(server.url("/feed")));
    }

    @Test
    void the_cap_surfaces_unchanged_through_a_reader_that_streams_the_body() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/big-chunked")), (response, body) -> {
            try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
                char[] buffer = new char[512];
                while (reader.read(buffer) >= 0) {
                    // a streaming consumer, e.g. the feed parser
                }
            }
            return null;
        })).isInstanceOf(ResponseTooLargeException.class);
    }
}
