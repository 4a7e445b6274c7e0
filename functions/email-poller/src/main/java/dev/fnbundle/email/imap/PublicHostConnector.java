package dev.fnbundle.email.imap;

import dev.fnbundle.common.net.AddressCategory;
import dev.fnbundle.common.net.AddressClassifier;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.poll.MailboxConnector;
import dev.fnbundle.email.poll.MailboxSession;
import dev.fnbundle.email.poll.MailboxUnreachableException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Refuses to connect to a mailbox whose host resolves to a loopback, private, link-local or otherwise non-public
 * address, so a registration cannot make the poller probe the function's own network (the Lambda runtime API
 * listens on 127.0.0.1). Checked at every poll, because DNS answers change after registration; the connection
 * itself resolves the name again, so this narrows rather than closes a DNS-rebinding window, and TLS with
 * host-name checks still guards the credentials. Thread-safe.
 */
public final class PublicHostConnector implements MailboxConnector {
    private final MailboxConnector delegate;
    private final HostResolver resolver;

    /** Resolves a host name to all its addresses. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * @param delegate opens the sessions of allowed hosts; never null
     * @param resolver the DNS lookup, {@code InetAddress::getAllByName} in production; never null
     */
    public PublicHostConnector(MailboxConnector delegate, HostResolver resolver) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public MailboxSession open(Mailbox mailbox) {
        String endpoint = mailbox.host() + ":" + mailbox.port();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(mailbox.host());
        } catch (UnknownHostException e) {
            throw new MailboxUnreachableException(mailbox.id(), endpoint, "unknown host", e);
        }
        for (InetAddress address : addresses) {
            AddressCategory category = AddressClassifier.classify(address);
            if (category != AddressCategory.PUBLIC) {
                throw new MailboxUnreachableException(mailbox.id(), endpoint, "the host resolves to a "
                        + category.describe() + " address; only public mail servers are polled", null);
            }
        }
        return delegate.open(mailbox);
    }
}
