package dev.fnbundle.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.net.AddressCategory;
import dev.fnbundle.common.net.AddressClassifier;
import dev.fnbundle.fetch.SsrfRefusedException.Why;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF table: every check here is pure classification; no connection is ever attempted. */
class SsrfGuardTest {
    /** Stands in for DNS: names map to chosen addresses, anything else does not resolve. */
    static final HostResolver FAKE_DNS = host -> switch (host) {
        case "public.test" -> addresses("93.184.216.34");
        case "public6.test" -> addresses("2606:2800:220:1:248:1893:25c8:1946");
        case "internal.test" -> addresses("10.0.0.5");
        case "mixed.test" -> addresses("93.184.216.34", "192.168.1.1");
        case "metadata.test" -> addresses("169.254.169.254");
        case "v6private.test" -> addresses("fd00::1");
        case "localhost" -> addresses("127.0.0.1", "::1");
        case "evil.localhost" -> addresses("93.184.216.34");
        default -> throw new UnknownHostException(host);
    };

    private static final SsrfGuard STRICT = new SsrfGuard(false, FAKE_DNS);
    private static final SsrfGuard LOCAL_RUNTIME = new SsrfGuard(true, FAKE_DNS);

    static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] result = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            result[i] = InetAddress.getByName(literals[i]);
        }
        return result;
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "http://127.0.0.1/,                          FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://127.1.2.3:8080/,                     FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://localhost/,                          FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://LOCALHOST./,                         FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://evil.localhost/,                     FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://2130706433/,                         NON_CANONICAL_ADDRESS, LOOPBACK",
        "http://0x7f.1/,                             NON_CANONICAL_ADDRESS, LOOPBACK",
        "http://0x7f000001/,                         NON_CANONICAL_ADDRESS, LOOPBACK",
        "http://0177.0.0.1/,                         NON_CANONICAL_ADDRESS, LOOPBACK",
        "http://127.1/,                              NON_CANONICAL_ADDRESS, LOOPBACK",
        "http://017700000001/,                       NON_CANONICAL_ADDRESS, LOOPBACK",
        "http://167772161/,                          NON_CANONICAL_ADDRESS, PRIVATE",
        "http://134744072/,                          NON_CANONICAL_ADDRESS, PUBLIC",
        "http://[::1]/,                              FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://[0:0:0:0:0:0:0:1]:8080/,             FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://[::ffff:127.0.0.1]/,                 FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://[::ffff:7f00:1]/,                    FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://[::127.0.0.1]/,                      FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://[::ffff:10.0.0.1]/,                  FORBIDDEN_ADDRESS,     PRIVATE",
        "http://[::ffff:169.254.169.254]/,           FORBIDDEN_ADDRESS,     LINK_LOCAL",
        "http://169.254.169.254/latest/meta-data/,   FORBIDDEN_ADDRESS,     LINK_LOCAL",
        "http://[fe80::1]/,                          FORBIDDEN_ADDRESS,     LINK_LOCAL",
        "http://10.0.0.1/,                           FORBIDDEN_ADDRESS,     PRIVATE",
        "http://10.255.255.255/,                     FORBIDDEN_ADDRESS,     PRIVATE",
        "http://172.16.0.1/,                         FORBIDDEN_ADDRESS,     PRIVATE",
        "http://172.31.255.254/,                     FORBIDDEN_ADDRESS,     PRIVATE",
        "http://192.168.0.1/,                        FORBIDDEN_ADDRESS,     PRIVATE",
        "http://[fec0::1]/,                          FORBIDDEN_ADDRESS,     PRIVATE",
        "http://100.64.0.1/,                         FORBIDDEN_ADDRESS,     SHARED",
        "http://100.127.255.254/,                    FORBIDDEN_ADDRESS,     SHARED",
        "http://[fd00::1]/,                          FORBIDDEN_ADDRESS,     UNIQUE_LOCAL",
        "http://[fc00::abcd]/,                       FORBIDDEN_ADDRESS,     UNIQUE_LOCAL",
        "http://224.0.0.1/,                          FORBIDDEN_ADDRESS,     MULTICAST",
        "http://239.255.255.250/,                    FORBIDDEN_ADDRESS,     MULTICAST",
        "http://[ff02::1]/,                          FORBIDDEN_ADDRESS,     MULTICAST",
        "http://0.0.0.0/,                            FORBIDDEN_ADDRESS,     UNSPECIFIED",
        "http://0.1.2.3/,                            FORBIDDEN_ADDRESS,     UNSPECIFIED",
        "http://[::]/,                               FORBIDDEN_ADDRESS,     UNSPECIFIED",
        "http://255.255.255.255/,                    FORBIDDEN_ADDRESS,     BROADCAST",
        "http://192.0.2.10/,                         FORBIDDEN_ADDRESS,     RESERVED",
        "http://198.18.0.1/,                         FORBIDDEN_ADDRESS,     RESERVED",
        "http://240.0.0.1/,                          FORBIDDEN_ADDRESS,     RESERVED",
        "http://[2001:db8::1]/,                      FORBIDDEN_ADDRESS,     RESERVED",
        "http://[2002:7f00:1::]/,                    FORBIDDEN_ADDRESS,     LOOPBACK",
        "http://[2002:a00:1::1]/,                    FORBIDDEN_ADDRESS,     PRIVATE",
        "http://[2001:0:4136:e378:8000:63bf:3f57:fefe]/, FORBIDDEN_ADDRESS, PRIVATE",
        "http://[64:ff9b::a9fe:a9fe]/,               FORBIDDEN_ADDRESS,     LINK_LOCAL",
        "http://internal.test/,                      FORBIDDEN_ADDRESS,     PRIVATE",
        "http://mixed.test/,                         FORBIDDEN_ADDRESS,     PRIVATE",
        "http://metadata.test/,                      FORBIDDEN_ADDRESS,     LINK_LOCAL",
        "http://v6private.test/,                     FORBIDDEN_ADDRESS,     UNIQUE_LOCAL"
    })
    void non_public_addresses_in_every_spelling_are_refused(String url, Why why, AddressCategory category) {
        assertThatThrownBy(() -> STRICT.check(URI.create(url)))
                .isInstanceOfSatisfying(SsrfRefusedException.class, e -> {
                    assertThat(e.why()).isEqualTo(why);
                    assertThat(e.category()).isEqualTo(category);
                    assertThat(e.reason()).isEqualTo(PermanentFetchException.Reason.REFUSED);
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ftp://public.test/feed,                     SCHEME",
        "file:///etc/passwd,                         SCHEME",
        "gopher://public.test:70/,                   SCHEME",
        "jar:http://public.test/a.jar!/,             SCHEME",
        "http://user:secret@public.test/,            USERINFO",
        "http://@public.test/,                       USERINFO",
        "http://public.test:22/,                     PORT",
        "http://public.test:25/,                     PORT",
        "https://public.test:0/,                     BAD_HOST",
        "http://public.test:99999/,                  BAD_HOST",
        "http:///no-host,                            BAD_HOST",
        "http://%31%32%37.0.0.1/,                    BAD_HOST",
        "http://[fe80::1%25eth0]/,                   BAD_HOST"
    })
    void malformed_or_dangerous_url_forms_are_refused(String url, Why why) {
        assertThatThrownBy(() -> STRICT.check(URI.create(url)))
                .isInstanceOfSatisfying(SsrfRefusedException.class, e -> assertThat(e.why()).isEqualTo(why));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://public.test/feed.xml", "https://public.test:8443/x?y=1", "http://93.184.216.34/",
        "http://[2606:2800:220:1:248:1893:25c8:1946]/", "http://public6.test/", "HTTPS://PUBLIC.test./",
        "http://public.test:80/", "https://public.test:443/"})
    void public_urls_pass_with_their_checked_addresses(String url) {
        CheckedTarget target = STRICT.check(URI.create(url));

        assertThat(target.addresses()).isNotEmpty().allSatisfy(address ->
                assertThat(AddressClassifier.classify(address)).isEqualTo(AddressCategory.PUBLIC));
    }

    @Test
    void the_effective_port_and_host_are_normalized() {
        CheckedTarget target = STRICT.check(URI.create("HTTPS://Public.Test./feed"));

        assertThat(target.host()).isEqualTo("public.test");
        assertThat(target.port()).isEqualTo(443);
    }

    @Test
    void an_unknown_host_is_a_permanent_failure_not_an_ssrf_refusal() {
        assertThatThrownBy(() -> STRICT.check(URI.create("http://nowhere.test/")))
                .isExactlyInstanceOf(PermanentFetchException.class)
                .satisfies(e -> assertThat(((PermanentFetchException) e).reason())
                        .isEqualTo(PermanentFetchException.Reason.UNKNOWN_HOST));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:8080/feed", "http://localhost:8080/", "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]:8080/"})
    void the_local_runtime_flag_lets_loopback_through(String url) {
        assertThat(LOCAL_RUNTIME.check(URI.create(url)).addresses()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://10.0.0.1/", "http://169.254.169.254/", "http://2130706433/",
        "http://evil.localhost/", "http://[fd00::1]/", "http://0.0.0.0:8080/"})
    void the_local_runtime_flag_allows_loopback_only(String url) {
        assertThatThrownBy(() -> LOCAL_RUNTIME.check(URI.create(url))).isInstanceOf(SsrfRefusedException.class);
    }

    @Test
    void the_flag_is_off_unless_the_environment_says_exactly_true() {
        assertThat(SsrfGuard.fromEnvironment(Map.of()).allowsLoopback()).isFalse();
        assertThat(SsrfGuard.fromEnvironment(Map.of(SsrfGuard.ALLOW_LOOPBACK_ENV, "1")).allowsLoopback()).isFalse();
        assertThat(SsrfGuard.fromEnvironment(Map.of(SsrfGuard.ALLOW_LOOPBACK_ENV, "yes")).allowsLoopback()).isFalse();
        assertThat(SsrfGuard.fromEnvironment(Map.of(SsrfGuard.ALLOW_LOOPBACK_ENV, " TRUE ")).allowsLoopback())
                .isTrue();
    }

    @Test
    void connect_time_resolution_is_checked_again() throws UnknownHostException {
        assertThat(STRICT.resolveChecked("public.test")).hasSize(1);
        assertThat(STRICT.resolveChecked("[2606:2800:220:1:248:1893:25c8:1946]")).hasSize(1);
        assertThatThrownBy(() -> STRICT.resolveChecked("mixed.test")).isInstanceOf(SsrfRefusedException.class);
        assertThatThrownBy(() -> STRICT.resolveChecked("127.0.0.1")).isInstanceOf(SsrfRefusedException.class);
        assertThatThrownBy(() -> STRICT.resolveChecked("nowhere.test")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void messages_say_why_without_revealing_resolved_addresses() {
        assertThatThrownBy(() -> STRICT.check(URI.create("http://internal.test/feed?token=abc")))
                .hasMessageContaining("internal.test is or resolves to a private address")
                .hasMessageNotContaining("10.0.0.5")
                .hasMessageNotContaining("token");
    }
}
