package dev.fnbundle.email.imap;

import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.poll.FetchedMessage;
import dev.fnbundle.email.poll.MailboxSession;
import dev.fnbundle.email.poll.MessageMeta;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/** A {@link MailboxSession} on an open, read-write IMAP folder. Not thread-safe. */
final class ImapMailboxSession implements MailboxSession {
    private static final int MAX_ARCHIVE_ATTEMPTS = 3;
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);
    private final Store store;
    private final IMAPFolder folder;
    private final String archiveFolder;
    private final UidCommands commands;
    private final ImapFailures failures;
    private final boolean preferMove;

    ImapMailboxSession(Store store, IMAPFolder folder, String archiveFolder, ImapFailures failures,
                       boolean preferMove) {
        this.store = store;
        this.folder = folder;
        this.archiveFolder = archiveFolder;
        this.commands = new UidCommands(folder);
        this.failures = failures;
        this.preferMove = preferMove;
    }

    @Override
    public long uidValidity() {
        try {
            return folder.getUIDValidity();
        } catch (MessagingException | RuntimeException e) {
            throw failures.onSession(e, "read UIDVALIDITY");
        }
    }

    @Override
    public List<MessageMeta> search(SearchCriteria criteria, long afterUid) {
        List<Long> uids = new ArrayList<>();
        try {
            commands.run("UID SEARCH", searchArguments(criteria, afterUid), response -> {
                if (response instanceof IMAPResponse r && r.keyEquals("SEARCH")) {
                    // UID n:* always includes the highest UID, even below n: keep only what is really new.
                    UidCommands.longs(r).stream().filter(uid -> uid > afterUid).forEach(uids::add);
                }
            });
            return uids.isEmpty() ? List.of() : meta(uids);
        } catch (MessagingException | RuntimeException e) {
            throw failures.onSession(e, "search");
        }
    }

    private static Argument searchArguments(SearchCriteria criteria, long afterUid) {
        Argument args = new Argument();
        if (!UidCommands.isAscii(criteria.subject()) || !UidCommands.isAscii(criteria.from())) {
            args.writeAtom("CHARSET").writeAtom("UTF-8");
        }
        args.writeAtom("UID").writeAtom((afterUid + 1) + ":*");
        UidCommands.text(args.writeAtom("SUBJECT"), criteria.subject());
        if (criteria.from() != null) {
            UidCommands.text(args.writeAtom("FROM"), criteria.from());
        }
        LocalDate since = criteria.since();
        if (since != null) {
            args.writeAtom("SINCE").writeAtom(IMAP_DATE.format(since));
        }
        return args;
    }

    private List<MessageMeta> meta(List<Long> uids) throws MessagingException {
        List<MessageMeta> result = new ArrayList<>();
        Argument args = UidCommands.withUids(uids).writeAtom("(UID RFC822.SIZE FLAGS INTERNALDATE)");
        commands.run("UID FETCH", args, response -> {
            if (response instanceof FetchResponse f && f.getItem(UID.class) != null) {
                RFC822SIZE size = f.getItem(RFC822SIZE.class);
                FLAGS flags = f.getItem(FLAGS.class);
                INTERNALDATE date = f.getItem(INTERNALDATE.class);
                result.add(new MessageMeta(f.getItem(UID.class).uid, size == null ? 0 : size.size,
                        flags != null && flags.contains(Flags.Flag.SEEN),
                        date == null ? null : date.getDate().toInstant()));
            }
        });
        result.sort(Comparator.comparingLong(MessageMeta::uid));
        return result;
    }

    @Override
    public List<FetchedMessage> fetch(List<Long> uids, boolean headersOnly) {
        if (uids.isEmpty()) {
            return List.of();
        }
        List<FetchedMessage> result = new ArrayList<>();
        // BODY.PEEK never sets \Seen: a crash before the poller sets it leaves the message unread.
        String items = headersOnly ? "(UID BODY.PEEK[HEADER])" : "(UID BODY.PEEK[])";
        Argument args = UidCommands.withUids(uids).writeAtom(items);
        try {
            commands.run("UID FETCH", args, response -> {
                if (response instanceof FetchResponse f && f.getItem(UID.class) != null
                        && f.getItem(BODY.class) != null) {
                    byte[] raw = f.getItem(BODY.class).getByteArray().getNewBytes();
                    result.add(new FetchedMessage(f.getItem(UID.class).uid, raw, headersOnly));
                }
            });
        } catch (MessagingException | RuntimeException e) {
            throw failures.onSession(e, "fetch");
        }
        result.sort(Comparator.comparingLong(FetchedMessage::uid));
        return result;
    }

    @Override
    public void markSeen(List<Long> uids) {
        storeFlag(uids, "\\Seen", "set \\Seen");
    }

    @Override
    public void archive(List<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        try {
            List<Long> remaining = uids;
            for (int attempt = 1; ; attempt++) {
                try {
                    move(remaining);
                    return;
                } catch (MessagingException e) {
                    // A server may refuse the whole command when one UID is gone or going, e.g. moved by an
                    // overlapping poll after a lease expired: move what is still here, and nothing twice.
                    if (!(e.getCause() instanceof CommandFailedException) || attempt == MAX_ARCHIVE_ATTEMPTS) {
                        throw e;
                    }
                    remaining = present(remaining);
                    if (remaining.isEmpty()) {
                        return;
                    }
                }
            }
        } catch (MessagingException | RuntimeException e) {
            throw failures.onSession(e, "archive");
        }
    }

    private void move(List<Long> uids) throws MessagingException {
        if (preferMove && commands.hasCapability("MOVE")) {
            commands.run("UID MOVE", UidCommands.mailbox(UidCommands.withUids(uids), archiveFolder), r -> { });
        } else {
            copyDeleteExpunge(uids);
        }
    }

    /** The UIDs of {@code uids} the folder still holds. */
    private List<Long> present(List<Long> uids) throws MessagingException {
        List<Long> present = new ArrayList<>();
        commands.run("UID FETCH", UidCommands.withUids(uids).writeAtom("(UID)"), response -> {
            if (response instanceof FetchResponse f && f.getItem(UID.class) != null
                    && uids.contains(f.getItem(UID.class).uid)) {
                present.add(f.getItem(UID.class).uid);
            }
        });
        return present;
    }

    private void copyDeleteExpunge(List<Long> uids) throws MessagingException {
        commands.run("UID COPY", UidCommands.mailbox(UidCommands.withUids(uids), archiveFolder), r -> { });
        storeFlag(uids, "\\Deleted", "set \\Deleted");
        // Without UIDPLUS, a plain EXPUNGE would also remove messages others flagged \Deleted: leave them flagged.
        if (commands.hasCapability("UIDPLUS")) {
            commands.run("UID EXPUNGE", UidCommands.withUids(uids), r -> { });
        }
    }

    private void storeFlag(List<Long> uids, String flag, String action) {
        if (uids.isEmpty()) {
            return;
        }
        try {
            commands.run("UID STORE", UidCommands.withUids(uids).writeAtom("+FLAGS.SILENT").writeAtom("(" + flag + ")"),
                    r -> { });
        } catch (MessagingException | RuntimeException e) {
            throw failures.onSession(e, action);
        }
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // Closing a dropped connection fails; there is nothing left to release.
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Same: the socket is gone either way.
        }
    }
}
