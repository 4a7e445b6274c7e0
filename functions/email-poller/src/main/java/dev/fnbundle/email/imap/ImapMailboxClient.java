package dev.fnbundle.email.imap;

import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordResolver;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.poll.MailboxConnector;
import dev.fnbundle.email.poll.MailboxFolderException;
import dev.fnbundle.email.poll.MailboxSession;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Opens IMAP sessions with Jakarta Mail (Eclipse Angus): IMAPS with the server's certificate and host name
 * checked ({@code mail.imaps.ssl.checkserveridentity}), TLS 1.2 or 1.3, connect/read/write timeouts, and
 * {@code mail.imap(s).peek} so no fetch marks mail read. The polled folder is selected read-write; the archive
 * folder is created when missing. Failures are classified into {@code MailboxAccessException}s. A configured
 * trust store is loaded at the first {@link #open}, not at construction, so its password (read from Secrets
 * Manager in AWS) is fetched once per execution environment and never lands in a SnapStart snapshot; a failed
 * load is tried again at the next open. Thread-safe: each {@link #open} builds its own connection.
 */
public final class ImapMailboxClient implements MailboxConnector {
    private final ImapSettings settings;
    private final PasswordResolver passwords;
    private volatile Properties properties;

    /**
     * @param settings  never null
     * @param passwords resolves each mailbox's password at open time; never null
     */
    public ImapMailboxClient(ImapSettings settings, PasswordResolver passwords) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the configured trust store cannot be loaded (a failure of ours, not
     *                               the mailbox's: the poll task is retried)
     */
    @Override
    public MailboxSession open(Mailbox mailbox) {
        ImapFailures failures = new ImapFailures(mailbox.id(), mailbox.host() + ":" + mailbox.port());
        Properties session = properties();
        // Before any connection: the resolver refuses a password that was not made for this host and username.
        Secret password = passwords.resolve(mailbox);
        Store store;
        try {
            store = Session.getInstance(session).getStore(protocol());
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), password.reveal());
        } catch (MessagingException | RuntimeException e) {
            throw failures.onConnect(e);
        }
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
            if (!folder.exists()) {
                throw new MailboxFolderException(mailbox.id(), mailbox.host() + ":" + mailbox.port(),
                        "folder " + mailbox.folder() + " does not exist", null);
            }
            String archive = ensureFolder(store, mailbox.archiveFolder());
            folder.open(Folder.READ_WRITE);
            return new ImapMailboxSession(store, folder, archive, failures, settings.preferMove());
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw failures.onSession(e, "select");
        }
    }

    private Properties properties() {
        Properties loaded = properties;
        if (loaded == null) {
            synchronized (this) {
                loaded = properties;
                if (loaded == null) {
                    loaded = sessionProperties(settings);
                    properties = loaded;
                }
            }
        }
        return loaded;
    }

    private String protocol() {
        return settings.plaintext() ? "imap" : "imaps";
    }

    private static String ensureFolder(Store store, String name) throws MessagingException {
        Folder archive = store.getFolder(name);
        // Another poll may create it between exists() and create(): only a folder still missing is a failure.
        if (!archive.exists() && !archive.create(Folder.HOLDS_MESSAGES) && !archive.exists()) {
            throw new MessagingException("cannot create folder " + name);
        }
        return archive.getFullName();
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Already failing; the original failure is what matters.
        }
    }

    private static Properties sessionProperties(ImapSettings settings) {
        Properties p = new Properties();
        String protocol = settings.plaintext() ? "imap" : "imaps";
        String prefix = "mail." + protocol + ".";
        p.setProperty("mail.store.protocol", protocol);
        p.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(settings.writeTimeout().toMillis()));
        p.setProperty(prefix + "peek", "true");
        p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        p.setProperty("mail.imaps.ssl.protocols", "TLSv1.3 TLSv1.2");
        if (settings.trustStore() != null) {
            p.put("mail.imaps.ssl.socketFactory", socketFactory(settings.trustStore()));
        }
        return p;
    }

    private static SSLSocketFactory socketFactory(TrustStore trustStore) {
        try (InputStream in = Files.newInputStream(trustStore.path())) {
            KeyStore keyStore = KeyStore.getInstance(trustStore.type());
            keyStore.load(in, trustStore.password().get().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot load trust store " + trustStore.path(), e);
        }
    }
}
