package dev.fnbundle.local.webconsole;

import com.icegreen.greenmail.store.FolderException;
import dev.fnbundle.local.BundleRuntime;
import dev.fnbundle.local.mail.LocalMailServer;
import dev.fnbundle.local.observe.InvocationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mail: the demo mailbox's folders and messages in GreenMail, a button that mails it a sample invoice, and the
 * poll that picks it up (the mail functions' last invocations, and a button that asks for a poll now).
 */
final class MailPage {
    private static final int RECENT = 10;

    private final BundleRuntime stack;
    private final MailOperations mail;

    MailPage(BundleRuntime stack, MailOperations mail) {
        this.stack = stack;
        this.mail = mail;
    }

    Html render() throws FolderException {
        if (!mail.served()) {
            return Views.empty("The mail server is off (--no-mail).");
        }
        var ports = stack.mail().ports();
        var folders = new ArrayList<Html>();
        for (MailOperations.Folder folder : mail.folders()) {
            folders.add(folder(folder));
        }
        return Html.of("""
                <p>GreenMail serves <b>{}</b> (password <code>{}</code>) on SMTP {}, IMAP {} and IMAPS {}.
                Any SMTP client can mail it; the email poller reads it over IMAPS.</p>
                <div class="buttons">
                <form class="action" data-action="/_local/console/mail/send-sample" method="post">
                <button type="submit">Send a sample invoice</button></form>
                {}
                </div>
                {}
                {}""", LocalMailServer.DEMO_USER, LocalMailServer.DEMO_PASSWORD, ports.smtp(), ports.imap(),
                ports.imaps(), mail.canPoll() ? Html.of("""
                        <form class="action" data-action="/_local/console/mail/poll" method="post">
                        <button type="submit">Poll the mailbox now</button></form>""") : Html.EMPTY,
                Html.join(folders), polls());
    }

    static Html folder(MailOperations.Folder folder) {
        var rows = new ArrayList<Html>();
        for (MailOperations.Summary message : folder.messages()) {
            rows.add(Html.of("""
                    <tr><td>{}</td><td>{}</td><td><details><summary>{}</summary><pre class="body">{}</pre>\
                    </details></td><td>{}</td></tr>""", Views.dateTime(message.received()), message.from(),
                    message.subject(), message.body(), Views.badge(message.seen() ? "seen" : "unseen")));
        }
        return Html.of("""
                <section class="folder" data-folder="{}"><h2>{} <span class="count">{} {}, {} unseen</span></h2>
                {}</section>""", folder.name(), folder.name(), folder.count(),
                folder.count() == 1 ? "message" : "messages", folder.unseen(),
                rows.isEmpty() ? Views.empty("Empty.") : Html.of("""
                        <table class="grid"><thead><tr><th>Received (UTC)</th><th>From</th><th>Subject</th>
                        <th>Flags</th></tr></thead><tbody>{}</tbody></table>""", Html.join(rows)));
    }

    /** The last invocations of the mail functions: the poll requests, the polls, and what they found. */
    private Html polls() {
        Set<String> functions = mail.mailFunctions();
        if (functions.isEmpty()) {
            return Views.empty("No function of this template polls mailboxes.");
        }
        List<InvocationRecord> all = stack.recorder().invocations();
        var rows = new ArrayList<Html>();
        for (int i = all.size() - 1; i >= 0 && rows.size() < RECENT; i--) {
            if (functions.contains(all.get(i).function())) {
                rows.add(InvocationsPage.row(all.get(i)));
            }
        }
        return Html.of("""
                <h2>Polls</h2>
                <p class="hint">Invocations of {}: a poll request, the poll task on its queue, and the invoices it
                recorded. A polled invoice moves from INBOX to Archive.</p>
                <table class="grid"><thead><tr><th>Time (UTC)</th><th>Function</th><th>Trigger</th><th>Status</th>
                <th class="num">Duration</th><th class="num">Init</th><th>Request id</th></tr></thead>
                <tbody>{}</tbody></table>{}""", String.join(", ", functions), Html.join(rows),
                rows.isEmpty() ? Views.empty("No poll yet.") : Html.EMPTY);
    }
}
