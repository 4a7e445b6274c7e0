package dev.fnbundle.email.imap;

import dev.fnbundle.email.poll.MailboxAccessException;
import dev.fnbundle.email.poll.MailboxAuthenticationException;
import dev.fnbundle.email.poll.MailboxConnectionLostException;
import dev.fnbundle.email.poll.MailboxFolderException;
import dev.fnbundle.email.poll.MailboxProtocolException;
import dev.fnbundle.email.poll.MailboxTlsException;
import dev.fnbundle.email.poll.MailboxUnreachableException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;

/**
 * Classifies Jakarta Mail failures into the typed {@link MailboxAccessException}s. Before the login completes,
 * network failures mean the host is unreachable; afterwards they mean the connection was lost.
 */
final class ImapFailures {
    /** Cause chains can loop; no real one is deeper. */
    private static final int MAX_DEPTH = 16;
    private final String mailboxId;
    private final String endpoint;

    ImapFailures(String mailboxId, String endpoint) {
        this.mailboxId = mailboxId;
        this.endpoint = endpoint;
    }

    MailboxAccessException onConnect(Exception e) {
        if (e instanceof MailboxAccessException classified) {
            return classified;
        }
        if (e instanceof AuthenticationFailedException) {
            return new MailboxAuthenticationException(mailboxId, endpoint, "login refused", e);
        }
        if (hasCause(e, SSLException.class) || hasCause(e, CertificateException.class)) {
            return new MailboxTlsException(mailboxId, endpoint, "TLS handshake failed: " + rootMessage(e), e);
        }
        if (hasCause(e, UnknownHostException.class)) {
            return new MailboxUnreachableException(mailboxId, endpoint, "unknown host", e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)
                || hasCause(e, SocketTimeoutException.class) || hasCause(e, IOException.class)) {
            return new MailboxUnreachableException(mailboxId, endpoint, "cannot connect: " + rootMessage(e), e);
        }
        return onSession(e, "connect");
    }

    MailboxAccessException onSession(Exception e, String action) {
        if (e instanceof MailboxAccessException classified) {
            return classified;
        }
        if (e instanceof FolderNotFoundException) {
            return new MailboxFolderException(mailboxId, endpoint, action + ": folder not found", e);
        }
        if (e instanceof FolderClosedException || e instanceof StoreClosedException
                || e instanceof IllegalStateException || hasCause(e, ConnectionException.class)
                || hasCause(e, IOException.class)) {
            return new MailboxConnectionLostException(mailboxId, endpoint, action + ": connection lost", e);
        }
        if (e instanceof MessagingException) {
            return new MailboxProtocolException(mailboxId, endpoint, action + " failed: " + rootMessage(e), e);
        }
        return new MailboxProtocolException(mailboxId, endpoint, action + " failed: " + e.getClass().getName(), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            root = t;
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
