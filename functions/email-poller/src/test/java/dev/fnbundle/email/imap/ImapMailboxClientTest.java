package dev.fnbundle.email.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import dev.fnbundle.email.mailbox.LocalPasswordResolver;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.mime.MessageParser;
import dev.fnbundle.email.mime.ParseOutcome;
import dev.fnbundle.email.poll.FetchedMessage;
import dev.fnbundle.email.poll.MailboxAuthenticationException;
import dev.fnbundle.email.poll.MailboxFolderException;
import dev.fnbundle.email.poll.MailboxSession;
import dev.fnbundle.email.poll.MailboxTlsException;
import dev.fnbundle.email.poll.MailboxUnreachableException;
import dev.fnbundle.email.poll.MessageMeta;
import dev.fnbundle.email.support.Fixtures;
import dev.fnbundle.email.support.GreenMailBox;
import dev.fnbundle.email.support.GreenMailServers;
import dev.fnbundle.email.support.TestTls;
import jakarta.mail.Flags;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapMailboxClientTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = GreenMailServers.imapAndImaps();

    private final GreenMailBox box = new GreenMailBox(GREEN_MAIL);
    private final LocalPasswordResolver passwords = new LocalPasswordResolver(Map.of());

    private ImapMailboxClient imaps() {
        return new ImapMailboxClient(ImapSettings.defaults().withTransport(TestTls.install(), false), passwords);
    }

    private Mailbox overImaps() {
        return GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(), "INBOX");
    }

    private static List<Long> uids(List<MessageMeta> metas) {
        return metas.stream().map(MessageMeta::uid).toList();
    }

    @Test
    void imaps_fetch_uses_peek_so_messages_stay_unseen() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("alternative.eml"));

        try (MailboxSession session = imaps().open(overImaps())) {
            List<MessageMeta> found = session.search(overImaps().search(), 0);
            List<FetchedMessage> fetched = session.fetch(uids(found), false);

            assertThat(fetched).hasSize(2);
            ParseOutcome first = new MessageParser().parse(fetched.getFirst().raw());
            assertThat(first.messageId()).isEqualTo("<inv-0042@acme.example>");
            assertThat(found).allSatisfy(meta -> assertThat(meta.seen()).isFalse());
        }
        assertThat(box.messages("INBOX")).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    @Test
    void search_returns_only_uids_above_the_checkpoint_despite_the_uid_star_quirk() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("alternative.eml"),
                Fixtures.eml("non-usd.eml"));
        long highest = box.messages("INBOX").getLast().getUid();

        try (MailboxSession session = imaps().open(overImaps())) {
            // "UID n:*" with n above every UID still matches the highest message on IMAP servers
            assertThat(session.search(overImaps().search(), highest)).isEmpty();
            assertThat(session.search(overImaps().search(), highest + 5)).isEmpty();
            assertThat(uids(session.search(overImaps().search(), highest - 2))).containsExactly(highest - 1, highest);
        }
    }

    @Test
    void search_applies_subject_from_and_since() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("non-usd.eml"),
                "Subject: Lunch?\r\nFrom: bob@example.com\r\n\r\nnoon\r\n".getBytes());
        Mailbox mailbox = overImaps();

        try (MailboxSession session = imaps().open(mailbox)) {
            assertThat(session.search(mailbox.search(), 0)).hasSize(2);
            // RFC 3501 FROM is a substring match; GreenMail compares whole addresses, so give the whole address
            assertThat(session.search(new SearchCriteria("invoice", "billing@maple.example", null, false), 0))
                    .hasSize(1);
            assertThat(session.search(new SearchCriteria("invoice", null, LocalDate.now().plusDays(2), false), 0))
                    .isEmpty();
            assertThat(session.search(new SearchCriteria("Grüße", null, null, false), 0)).isEmpty();
        }
    }

    @Test
    void archive_uses_uid_move_and_creates_the_archive_folder() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("alternative.eml"));
        assertThat(box.folder("Archive")).isNull();

        try (MailboxSession session = imaps().open(overImaps())) {
            List<Long> uids = uids(session.search(overImaps().search(), 0));
            session.markSeen(uids);
            session.archive(uids);
            // a replayed archive of UIDs already gone is harmless
            session.archive(uids);
        }

        assertThat(box.messages("INBOX")).isEmpty();
        assertThat(box.messageIds("Archive")).containsExactly("<inv-0042@acme.example>", "<alt-1@globex.example>");
        assertThat(box.messages("Archive")).allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    @Test
    void archive_falls_back_to_copy_delete_and_uid_expunge_without_touching_other_deleted_mail() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"), Fixtures.eml("alternative.eml"));
        box.append("INBOX", "Subject: someone else's\r\n\r\nx\r\n".getBytes());
        StoredMessage others = box.messages("INBOX").getLast();
        others.setFlag(Flags.Flag.DELETED, true);
        ImapMailboxClient copying = new ImapMailboxClient(ImapSettings.defaults()
                .withTransport(TestTls.install(), false).withPreferMove(false), passwords);

        try (MailboxSession session = copying.open(overImaps())) {
            List<Long> uids = uids(session.search(overImaps().search(), 0));
            session.archive(uids);
            session.archive(uids);
        }

        assertThat(box.messageIds("Archive")).containsExactly("<inv-0042@acme.example>", "<alt-1@globex.example>");
        assertThat(box.messages("INBOX")).extracting(StoredMessage::getUid).containsExactly(others.getUid());
    }

    @Test
    void plain_imap_works_only_when_the_setting_allows_it() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"));
        Mailbox plain = GreenMailBox.mailbox("localhost", GREEN_MAIL.getImap().getPort(), "INBOX");
        ImapMailboxClient plaintext = new ImapMailboxClient(ImapSettings.defaults().withTransport(null, true),
                passwords);

        try (MailboxSession session = plaintext.open(plain)) {
            assertThat(session.search(plain.search(), 0)).hasSize(1);
        }
        // the production settings speak TLS, which a plain IMAP port cannot answer
        ImapMailboxClient production = new ImapMailboxClient(ImapSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)), passwords);
        assertThatThrownBy(() -> production.open(plain)).isInstanceOf(MailboxTlsException.class);
    }

    @Test
    void untrusted_certificate_is_a_tls_failure() {
        ImapMailboxClient jvmTrust = new ImapMailboxClient(ImapSettings.defaults(), passwords);

        assertThatThrownBy(() -> jvmTrust.open(overImaps()))
                .isInstanceOf(MailboxTlsException.class)
                .hasMessageContaining("mailbox mb-1, localhost:" + GREEN_MAIL.getImaps().getPort());
    }

    @Test
    void host_name_mismatch_is_a_tls_failure_even_with_a_trusted_certificate() {
        // the certificate names localhost only
        Mailbox byAddress = GreenMailBox.mailbox("127.0.0.1", GREEN_MAIL.getImaps().getPort(), "INBOX");

        assertThatThrownBy(() -> imaps().open(byAddress)).isInstanceOf(MailboxTlsException.class);
    }

    @Test
    void wrong_password_is_an_auth_failure_that_does_not_reveal_it() {
        Mailbox wrong = new Mailbox("mb-1", "localhost", GREEN_MAIL.getImaps().getPort(), GreenMailBox.LOGIN,
                new PasswordRef.InlinePassword(new Secret("not-the-password")), "INBOX", "Archive",
                overImaps().search());

        assertThatThrownBy(() -> imaps().open(wrong))
                .isInstanceOf(MailboxAuthenticationException.class)
                .hasMessageNotContaining("not-the-password").hasMessageNotContaining(GreenMailBox.LOGIN);
    }

    @Test
    void closed_port_is_unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> imaps().open(GreenMailBox.mailbox("localhost", port, "INBOX")))
                .isInstanceOf(MailboxUnreachableException.class);
    }

    @Test
    void silent_server_hits_the_read_timeout_and_is_unreachable() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            ImapMailboxClient impatient = new ImapMailboxClient(ImapSettings.defaults()
                    .withTransport(TestTls.install(), false)
                    .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300)), passwords);

            assertThatThrownBy(() -> impatient.open(GreenMailBox.mailbox("localhost", silent.getLocalPort(), "INBOX")))
                    .isInstanceOf(MailboxUnreachableException.class);
        }
    }

    @Test
    void missing_folder_is_a_folder_failure() {
        assertThatThrownBy(() -> imaps().open(GreenMailBox.mailbox("localhost", GREEN_MAIL.getImaps().getPort(),
                "NoSuchFolder"))).isInstanceOf(MailboxFolderException.class);
    }

    @Test
    void uid_validity_comes_from_the_selected_folder() {
        box.append("INBOX", Fixtures.eml("plain-usd.eml"));

        try (MailboxSession session = imaps().open(overImaps())) {
            assertThat(session.uidValidity()).isEqualTo(box.folder("INBOX").getUidValidity());
        }
    }
}
