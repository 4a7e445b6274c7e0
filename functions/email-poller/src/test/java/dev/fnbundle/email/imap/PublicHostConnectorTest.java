package dev.fnbundle.email.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.poll.MailboxUnreachableException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublicHostConnectorTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final Mailbox mailbox = new Mailbox("mb-1", "imap.example.com", 993, "u",
            new PasswordRef.SecretReference("s"), "INBOX", "Archive", new SearchCriteria("invoice", null, null, false));

    private PublicHostConnector connector(String... addresses) {
        return new PublicHostConnector(m -> {
            opened.incrementAndGet();
            return null;
        }, host -> {
            var resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        });
    }

    @Test
    void a_host_resolving_to_public_addresses_is_connected() {
        connector("93.184.216.34", "2606:2800:220:1::248").open(mailbox);

        assertThat(opened).hasValue(1);
    }

    @Test
    void a_host_resolving_to_any_non_public_address_is_unreachable_without_connecting() {
        assertThatThrownBy(() -> connector("93.184.216.34", "127.0.0.1").open(mailbox))
                .isInstanceOf(MailboxUnreachableException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> connector("::ffff:169.254.169.254").open(mailbox))
                .isInstanceOf(MailboxUnreachableException.class).hasMessageContaining("link local");
        assertThat(opened).hasValue(0);
    }

    @Test
    void an_unknown_host_is_unreachable() {
        var connector = new PublicHostConnector(m -> null, host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> connector.open(mailbox)).isInstanceOf(MailboxUnreachableException.class)
                .hasMessageContaining("unknown host");
    }
}
