package dev.fnbundle.email.aws;

import static dev.fnbundle.email.aws.Attributes.bool;
import static dev.fnbundle.email.aws.Attributes.instant;
import static dev.fnbundle.email.aws.Attributes.n;
import static dev.fnbundle.email.aws.Attributes.number;
import static dev.fnbundle.email.aws.Attributes.s;
import static dev.fnbundle.email.aws.Attributes.text;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.MailboxView;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.registry.MailboxStatus;
import dev.fnbundle.email.registry.PollSummary;
import dev.fnbundle.email.registry.StoredMailbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mailbox items. The registration item holds everything but an inline password, which has an item of its own
 * that only the poller reads; the registration item is also what GSI1 lists, so no list or view ever reads a
 * password. A secret reference is stored (it is a name, not a password) but never shown.
 */
final class MailboxItems {
    static final String INLINE = "inline";
    static final String SECRET = "secret";

    private MailboxItems() {
    }

    /**
     * What makes two registrations the same mailbox: polling one folder of one account twice would record every
     * message twice under two mailbox ids.
     */
    static String identity(Mailbox mailbox) {
        return Digests.sha256Hex(mailbox.host().toLowerCase(Locale.ROOT) + "\n" + mailbox.port() + "\n"
                + mailbox.username() + "\n" + mailbox.folder());
    }

    static Map<String, AttributeValue> registration(Mailbox mailbox, Instant createdAt) {
        var item = new HashMap<>(Keys.mailboxItem(mailbox.id()));
        item.put("id", s(mailbox.id()));
        item.put("host", s(mailbox.host()));
        item.put("port", n(mailbox.port()));
        item.put("username", s(mailbox.username()));
        if (mailbox.password() instanceof PasswordRef.SecretReference reference) {
            item.put("passwordSource", s(SECRET));
            item.put("passwordSecret", s(reference.secretId()));
        } else {
            item.put("passwordSource", s(INLINE));
        }
        item.put("folder", s(mailbox.folder()));
        item.put("archiveFolder", s(mailbox.archiveFolder()));
        SearchCriteria search = mailbox.search();
        item.put("searchSubject", s(search.subject()));
        if (search.from() != null) {
            item.put("searchFrom", s(search.from()));
        }
        if (search.since() != null) {
            item.put("searchSince", s(search.since().toString()));
        }
        item.put("searchUnseenOnly", AttributeValue.fromBool(search.unseenOnly()));
        item.put("identity", s(identity(mailbox)));
        item.put("createdAt", s(createdAt.toString()));
        item.put("state", s(MailboxStatus.NEVER_POLLED));
        item.put("consecutiveFailures", n(0));
        item.put(Keys.GSI1_PK, s(Keys.MAILBOXES));
        item.put(Keys.GSI1_SK, s(Keys.sortable(createdAt) + "#" + mailbox.id()));
        return item;
    }

    static Map<String, AttributeValue> password(String id, Secret password) {
        var item = new HashMap<>(Keys.password(id));
        item.put("password", s(password.reveal()));
        return item;
    }

    static StoredMailbox stored(Map<String, AttributeValue> item) {
        var view = new MailboxView(text(item, "id"), text(item, "host"), (int) number(item, "port", 0),
                text(item, "username"), text(item, "passwordSource"), text(item, "folder"),
                text(item, "archiveFolder"), search(item));
        return new StoredMailbox(view, instant(item, "createdAt"), status(item));
    }

    /** The mailbox with its password reference; {@code passwordItem} is null for a secret reference. */
    static Mailbox mailbox(Map<String, AttributeValue> item, Map<String, AttributeValue> passwordItem) {
        PasswordRef password;
        if (SECRET.equals(text(item, "passwordSource"))) {
            password = new PasswordRef.SecretReference(text(item, "passwordSecret"));
        } else {
            String inline = passwordItem == null ? null : text(passwordItem, "password");
            if (inline == null) {
                throw new IllegalStateException("mailbox " + text(item, "id") + " has lost its inline password");
            }
            password = new PasswordRef.InlinePassword(new Secret(inline));
        }
        return new Mailbox(text(item, "id"), text(item, "host"), (int) number(item, "port", 0),
                text(item, "username"), password, text(item, "folder"), text(item, "archiveFolder"), search(item));
    }

    private static SearchCriteria search(Map<String, AttributeValue> item) {
        String since = text(item, "searchSince");
        return new SearchCriteria(text(item, "searchSubject"), text(item, "searchFrom"),
                since == null ? null : LocalDate.parse(since), bool(item, "searchUnseenOnly"));
    }

    private static MailboxStatus status(Map<String, AttributeValue> item) {
        AttributeValue last = item.get("lastPoll");
        PollSummary summary = null;
        if (last != null && last.hasM()) {
            Map<String, AttributeValue> m = last.m();
            summary = new PollSummary((int) number(m, "invoices", 0), (int) number(m, "duplicates", 0),
                    (int) number(m, "unparseable", 0), (int) number(m, "skipped", 0),
                    (int) number(m, "replayed", 0), (int) number(m, "archived", 0), bool(m, "moreRemaining"),
                    number(m, "uidValidity", 0), number(m, "lastUid", 0));
        }
        String state = text(item, "state");
        return new MailboxStatus(state == null ? MailboxStatus.NEVER_POLLED : state, text(item, "lastError"),
                instant(item, "lastPollAt"), instant(item, "lastSuccessAt"),
                (int) number(item, "consecutiveFailures", 0), summary);
    }

    static AttributeValue summary(PollSummary summary) {
        var m = new HashMap<String, AttributeValue>();
        m.put("invoices", n(summary.invoices()));
        m.put("duplicates", n(summary.duplicates()));
        m.put("unparseable", n(summary.unparseable()));
        m.put("skipped", n(summary.skipped()));
        m.put("replayed", n(summary.replayed()));
        m.put("archived", n(summary.archived()));
        m.put("moreRemaining", AttributeValue.fromBool(summary.moreRemaining()));
        m.put("uidValidity", n(summary.uidValidity()));
        m.put("lastUid", n(summary.lastUid()));
        return AttributeValue.fromM(m);
    }
}
