package dev.fnbundle.email.imap;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * UID-addressed IMAP commands sent through Angus' protocol object. The high-level Jakarta Mail API works on
 * message sequence numbers, which shift with every expunge; the poller needs UIDs end to end and one FETCH for
 * many messages. Untagged responses the caller does not consume are handed back to the folder, so its view of
 * EXISTS and EXPUNGE stays right. Not thread-safe: one per session.
 */
final class UidCommands {
    private final IMAPFolder folder;

    UidCommands(IMAPFolder folder) {
        this.folder = folder;
    }

    /**
     * Runs one command and returns its untagged responses.
     *
     * @param command  e.g. {@code UID FETCH}
     * @param args     the arguments
     * @param consumer sees each untagged response; responses it keeps are not passed to the folder
     * @throws MessagingException when the server answers NO or BAD, or the connection fails
     */
    void run(String command, Argument args, Consumer<Response> consumer) throws MessagingException {
        folder.doCommand((IMAPProtocol protocol) -> {
            Response[] responses = protocol.command(command, args);
            Response status = responses[responses.length - 1];
            if (status.isOK()) {
                for (int i = 0; i < responses.length - 1; i++) {
                    consumer.accept(responses[i]);
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(status);
            return null;
        });
    }

    /**
     * Whether the server announced a capability.
     *
     * @param capability e.g. {@code MOVE}
     */
    boolean hasCapability(String capability) throws MessagingException {
        return (Boolean) folder.doCommand((IMAPProtocol protocol) -> protocol.hasCapability(capability));
    }

    /**
     * A compact UID set such as {@code 1:5,9}.
     *
     * @param uids not empty
     */
    static String uidSet(List<Long> uids) {
        return UIDSet.toString(UIDSet.createUIDSets(uids.stream().mapToLong(Long::longValue).sorted().toArray()));
    }

    /** An argument list starting with a UID set. */
    static Argument withUids(List<Long> uids) {
        Argument args = new Argument();
        args.writeAtom(uidSet(uids));
        return args;
    }

    /** Adds a mailbox name, encoded as IMAP modified UTF-7. */
    static Argument mailbox(Argument args, String name) {
        return args.writeString(BASE64MailboxEncoder.encode(name));
    }

    /** Adds a search string, as a literal in UTF-8 when it is not ASCII. */
    static Argument text(Argument args, String value) {
        return args.writeString(value, StandardCharsets.UTF_8);
    }

    static boolean isAscii(String value) {
        return value == null || value.chars().allMatch(c -> c < 128);
    }

    static List<Long> longs(Response response) {
        List<Long> values = new ArrayList<>();
        long value;
        while ((value = response.readLong()) != -1) {
            values.add(value);
        }
        return values;
    }
}
