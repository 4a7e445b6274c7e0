package dev.fnbundle.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.common.testing.CpuBudget;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every pattern and split the SSRF guard and the fetcher apply to a URL or a response header (the port's
 * {@code \d{1,5}}, the IPv6 literal's character class, the user-info stripping {@code ^.*@}, the numeric host's
 * parts, {@code Retry-After}'s {@code \d{1,10}}) takes time linear in its input: a 1 MB adversarial URL or header
 * is answered in well under a second of CPU time.
 */
class WorstCaseInputTest {
    private static final int MB = 1 << 20;
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final SsrfGuard GUARD = new SsrfGuard(false, host -> new InetAddress[] {
        InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34})});

    private static void refusedQuickly(String url) {
        CpuBudget.assertWithin(BUDGET, () -> assertThatThrownBy(() -> GUARD.check(URI.create(url)))
                .isInstanceOf(SsrfRefusedException.class));
    }

    /** Checked or refused: these hosts resolve (to a public address here), which is the guard's answer. */
    private static void answeredQuickly(String url) {
        CpuBudget.assertWithin(BUDGET, () -> {
            try {
                GUARD.check(URI.create(url));
            } catch (SsrfRefusedException refused) {
                // as good an answer as a pass: what is under test is the time it took
            }
        });
    }

    @Test
    void a_megabyte_port_is_refused_in_linear_time() {
        refusedQuickly("http://example.com:" + "1".repeat(MB) + "/");
    }

    @Test
    void a_megabyte_host_is_answered_in_linear_time() {
        answeredQuickly("http://" + "1.".repeat(MB / 2) + "1/");
        answeredQuickly("http://0x" + "f".repeat(MB) + "/");
        answeredQuickly("http://" + "a@".repeat(MB / 2) + "example.com/");
    }

    @Test
    void a_megabyte_ipv6_literal_never_reaches_the_guard_because_uri_refuses_it_in_linear_time() {
        // java.net.URI parses IPv6 references itself, so the guard's [0-9a-f:.]+ only ever sees a short literal.
        CpuBudget.assertWithin(BUDGET, () -> assertThatThrownBy(() -> URI.create("http://[" + "0:".repeat(MB / 2)
                + "x]/")).isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void a_megabyte_numeric_host_is_not_an_address_in_linear_time() {
        CpuBudget.assertWithin(BUDGET, () -> assertThat(NumericHost.parse("1.".repeat(MB / 2))).isNull());
        CpuBudget.assertWithin(BUDGET, () -> assertThat(NumericHost.parse("0".repeat(MB))).isNull());
    }

    @Test
    void user_info_is_stripped_from_a_megabyte_authority_in_linear_time() {
        URI url = URI.create("http://" + "a@".repeat(MB / 2) + "example.com/feed");
        CpuBudget.assertWithin(BUDGET, () -> assertThat(FetchException.safe(url))
                .isEqualTo("http://example.com/feed"));
    }

    @Test
    void a_megabyte_retry_after_header_is_unreadable_in_linear_time() {
        CpuBudget.assertWithin(BUDGET, () -> assertThat(FetchFailures.parseRetryAfter("1".repeat(MB))).isNull());
        CpuBudget.assertWithin(BUDGET, () -> assertThat(FetchFailures.parseRetryAfter("Tue, " + "1 ".repeat(MB / 2)))
                .isNull());
    }
}
