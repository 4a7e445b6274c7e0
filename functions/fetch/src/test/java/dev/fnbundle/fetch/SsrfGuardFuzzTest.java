package dev.fnbundle.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fnbundle.common.net.AddressCategory;
import dev.fnbundle.common.net.AddressClassifier;
import dev.fnbundle.common.testing.CpuBudget;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fuzz target: the SSRF guard's reading of a URL's authority ({@link UrlAuthority}, {@link NumericHost},
 * {@link AddressClassifier}) either refuses with {@link SsrfRefusedException} / {@link PermanentFetchException},
 * or lets through only public addresses on an allowed port. The first four bytes are the address the (fake) DNS
 * answers with, the rest is the URL; nothing leaves the process.
 */
class SsrfGuardFuzzTest {
    @FuzzTest
    void a_url_is_refused_or_resolves_only_to_public_addresses_on_allowed_ports(byte[] data) {
        if (data.length < 4) {
            return;
        }
        byte[] dnsAnswer = Arrays.copyOf(data, 4);
        URI url;
        try {
            url = new URI(new String(data, 4, data.length - 4, StandardCharsets.UTF_8));
        } catch (URISyntaxException notAUrl) {
            return; // FeedUrl and SourceUrlPolicy refuse these before the guard sees them
        }
        SsrfGuard guard = new SsrfGuard(false, host -> new InetAddress[] {address(dnsAnswer)});
        CheckedTarget target;
        try {
            target = CpuBudget.call(CpuBudget.FUZZ_INPUT, () -> guard.check(url));
        } catch (PermanentFetchException expected) { // SsrfRefusedException included
            return;
        }
        assertThat(target.port()).satisfiesAnyOf(p -> assertThat(p).isIn(80, 443), p -> assertThat(p)
                .isBetween(1024, 65535));
        assertThat(target.addresses()).allSatisfy(a -> assertThat(AddressClassifier.classify(a))
                .isEqualTo(AddressCategory.PUBLIC));
        assertThat(target.host()).isEqualTo(target.host().toLowerCase(Locale.ROOT));
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
