package dev.fnbundle.email.support;

import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.base.GreenMailOperations;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.Secret;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Test access to a GreenMail account ({@code alice} by default): append, inspect and recreate folders. */
public final class GreenMailBox {
    public static final String LOGIN = "alice";
    public static final String PASSWORD = "alice-secret";
    public static final String EMAIL = "alice@example.com";
    private static final Session SESSION = Session.getInstance(new Properties());
    private final GreenMailOperations greenMail;
    private final String login;

    public GreenMailBox(GreenMailOperations greenMail) {
        this(greenMail, LOGIN);
    }

    /** Access to another account's folders. */
    public GreenMailBox(GreenMailOperations greenMail, String login) {
        this.greenMail = greenMail;
        this.login = login;
    }

    /** A mailbox registration for alice on the given port, searching subjects for "invoice". */
    public static Mailbox mailbox(String host, int port, String folder) {
        return new Mailbox("mb-1", host, port, LOGIN, new PasswordRef.InlinePassword(new Secret(PASSWORD)),
                folder, "Archive", new SearchCriteria("invoice", null, null, false));
    }

    private GreenMailUser user() {
        return greenMail.getUserManager().getUser(login);
    }

    private ImapHostManager manager() {
        return greenMail.getManagers().getImapHostManager();
    }

    /** The folder, or null when it does not exist. */
    public MailFolder folder(String name) {
        return manager().getFolder(user(), name);
    }

    /** Appends raw messages to a folder, creating the folder when missing. */
    public void append(String folderName, byte[]... messages) {
        try {
            MailFolder folder = folder(folderName) != null ? folder(folderName)
                    : manager().createMailbox(user(), folderName);
            for (byte[] raw : messages) {
                folder.appendMessage(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), new Flags(), new Date());
            }
        } catch (MessagingException | FolderException | AuthorizationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages of a folder; empty when it does not exist. */
    public List<StoredMessage> messages(String name) {
        MailFolder folder = folder(name);
        return folder == null ? List.of() : folder.getMessages();
    }

    /** Message-IDs of a folder's messages, in UID order. */
    public List<String> messageIds(String name) {
        return messages(name).stream().map(m -> {
            try {
                return m.getMimeMessage().getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Deletes and recreates a folder until its UIDVALIDITY differs (GreenMail uses the epoch second). */
    public long recreateWithNewUidValidity(String name) throws Exception {
        long before = folder(name).getUidValidity();
        while (true) {
            manager().deleteMailbox(user(), name);
            MailFolder recreated = manager().createMailbox(user(), name);
            if (recreated.getUidValidity() != before) {
                return recreated.getUidValidity();
            }
            Thread.sleep(50);
        }
    }
}
