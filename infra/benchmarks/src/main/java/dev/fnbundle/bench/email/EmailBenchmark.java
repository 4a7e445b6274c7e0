package dev.fnbundle.bench.email;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.fnbundle.email.imap.ImapMailboxClient;
import dev.fnbundle.email.imap.ImapSettings;
import dev.fnbundle.email.invoice.InvoiceExtractor;
import dev.fnbundle.email.invoice.InvoiceFields;
import dev.fnbundle.email.invoice.SeedAmountRule;
import dev.fnbundle.email.mailbox.LocalPasswordResolver;
import dev.fnbundle.email.mailbox.Mailbox;
import dev.fnbundle.email.mailbox.PasswordRef;
import dev.fnbundle.email.mailbox.SearchCriteria;
import dev.fnbundle.email.mailbox.Secret;
import dev.fnbundle.email.mime.MessageParser;
import dev.fnbundle.email.mime.ParseOutcome;
import dev.fnbundle.email.poll.FetchedMessage;
import dev.fnbundle.email.poll.MailboxSession;
import dev.fnbundle.email.poll.MessageMeta;
import dev.fnbundle.email.poll.PollSettings;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * 2 000 invoice mails in an in-process GreenMail; ours (UID SEARCH, batched UID FETCH BODY.PEEK[], parse,
 * extract) against the seed's imaplib loop (search, one fetch(uid, '(RFC822)') per message, email module,
 * seed regex) on the same server in the same run. Args: [messages] [runs].
 */
public final class EmailBenchmark {
    private static final String PYTHON = String.join("\n",
            "import imaplib, email, re, sys, time, json",
            "from email.header import decode_header",
            "def decode_str(value):",
            "    if value is None:",
            "        return ''",
            "    parts = decode_header(value)",
            "    result = []",
            "    for part, charset in parts:",
            "        if isinstance(part, bytes):",
            "            result.append(part.decode(charset or 'utf-8', errors='replace'))",
            "        else:",
            "            result.append(part)",
            "    return ''.join(result)",
            "def get_body(msg):",
            "    if msg.is_multipart():",
            "        for part in msg.walk():",
            "            if part.get_content_type() == 'text/plain':",
            "                return part.get_payload(decode=True).decode('utf-8', errors='replace')",
            "    return msg.get_payload(decode=True).decode('utf-8', errors='replace')",
            "def extract_amount(body):",
            "    match = re.search(r'\\$[\\d,]+\\.\\d{2}', body)",
            "    return match.group(0) if match else 'Unknown'",
            "start = time.perf_counter()",
            "amounts = {}",
            "with imaplib.IMAP4('127.0.0.1', int(sys.argv[1])) as mail:",
            "    mail.login(sys.argv[2], sys.argv[3])",
            "    mail.select('INBOX')",
            "    _, uids = mail.search(None, '(SUBJECT \"invoice\")')",
            "    for uid in uids[0].split():",
            "        _, data = mail.fetch(uid, '(RFC822)')",
            "        msg = email.message_from_bytes(data[0][1])",
            "        subject = decode_str(msg['Subject'])",
            "        sender = decode_str(msg['From'])",
            "        date = msg['Date']",
            "        amounts[msg['Message-ID']] = extract_amount(get_body(msg))",
            "elapsed = time.perf_counter() - start",
            "json.dump({'seconds': elapsed, 'amounts': amounts}, sys.stdout)");

    private EmailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}));
        greenMail.start();
        try {
            run(greenMail, count, runs);
        } finally {
            greenMail.stop();
        }
    }

    private static void run(GreenMail greenMail, int count, int runs) throws Exception {
        GreenMailUser user = greenMail.setUser("alice@example.com", "alice", "alice-secret");
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
        Session session = Session.getInstance(new Properties());
        long bytes = 0;
        for (byte[] raw : InvoiceMailGenerator.generate(count, 20260513L)) {
            inbox.appendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), new Flags(), new Date());
            bytes += raw.length;
        }
        int port = greenMail.getImap().getPort();
        System.out.printf("email benchmark: %d invoice mails (%.1f MB) in GreenMail IMAP on port %d%n", count,
                bytes / 1e6, port);

        Map<String, String> seedAmounts = new HashMap<>();
        double[] ours = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            int extracted = ours(port, seedAmounts);
            ours[r] = (System.nanoTime() - start) / 1e9;
            System.out.printf("  ours   run %d: %.3f s (%d messages, %d with an amount)%n", r + 1, ours[r], count,
                    extracted);
        }
        PythonRun python = python(port);
        System.out.printf("  python run 1: %.3f s in-script (%.3f s with interpreter start)%n", python.seconds,
                python.wallSeconds);

        long mismatches = python.amounts.entrySet().stream()
                .filter(e -> !e.getValue().equals(seedAmounts.get(e.getKey()))).count();
        double cold = ours[0];
        double best = Arrays.stream(ours).min().orElse(cold);
        System.out.printf("  seed amount rule on both bodies: %d of %d messages equal (%d differ)%n",
                python.amounts.size() - mismatches, python.amounts.size(), mismatches);
        System.out.printf("  per message: ours %.3f ms cold, %.3f ms best; python %.3f ms%n", cold * 1000 / count,
                best * 1000 / count, python.seconds * 1000 / count);
        System.out.printf("  ratio (python / ours): %.1fx cold, %.1fx best (target: at least 5x)%n",
                python.seconds / cold, python.seconds / best);
    }

    private static int ours(int port, Map<String, String> seedAmounts) {
        Mailbox mailbox = new Mailbox("bench", "127.0.0.1", port, "alice",
                new PasswordRef.InlinePassword(new Secret("alice-secret")), "INBOX", "Archive",
                new SearchCriteria("invoice", null, null, false));
        ImapMailboxClient client = new ImapMailboxClient(ImapSettings.defaults().withTransport(null, true),
                new LocalPasswordResolver(Map.of()));
        MessageParser parser = new MessageParser();
        InvoiceExtractor extractor = new InvoiceExtractor();
        SeedAmountRule seed = new SeedAmountRule();
        int batch = PollSettings.defaults().batchSize();
        int withAmount = 0;
        try (MailboxSession session = client.open(mailbox)) {
            List<Long> uids = session.search(mailbox.search(), 0).stream().map(MessageMeta::uid).toList();
            for (int i = 0; i < uids.size(); i += batch) {
                for (FetchedMessage message : session.fetch(uids.subList(i, Math.min(uids.size(), i + batch)), false)) {
                    if (parser.parse(message.raw()) instanceof ParseOutcome.Parsed parsed) {
                        InvoiceFields fields = extractor.extract(parsed.message());
                        withAmount += fields.amount() == null ? 0 : 1;
                        seedAmounts.put(parsed.messageId(), seed.firstMatch(parsed.message().textBody())
                                .orElse("Unknown"));
                    }
                }
            }
        }
        return withAmount;
    }

    private record PythonRun(double seconds, double wallSeconds, Map<String, String> amounts) {
    }

    private static PythonRun python(int port) throws Exception {
        Path script = Files.createTempFile("seed-imaplib", ".py");
        Files.writeString(script, PYTHON, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process process = new ProcessBuilder("python3", script.toString(), Integer.toString(port), "alice",
                "alice-secret").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("python3 failed");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(script);
        return new PythonRun(PythonJson.seconds(out), wall, PythonJson.amounts(out));
    }
}
