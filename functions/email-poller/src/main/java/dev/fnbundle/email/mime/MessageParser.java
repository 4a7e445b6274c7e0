package dev.fnbundle.email.mime;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Parses raw RFC 822 messages into {@link ParsedMessage}s: RFC 2047 headers (UTF-8, ISO-8859-1, Q and B
 * encodings), raw UTF-8 headers (RFC 6532), the multipart walk preferring text/plain over HTML, declared
 * charsets, and attachments with sanitized names.
 *
 * <p>Never throws for bad input: a message over the size cap is {@link ParseOutcome.TooLarge}, a broken MIME
 * structure is {@link ParseOutcome.Unparseable}. Thread-safe; linear in the size of the message.
 *
 * <p>Jakarta Mail's header decoding, unfolding and address parsing take time quadratic in a field's length (a
 * 100 KB Subject of encoded words, or a From of 100 000 {@code (}, took 7 to 12 s), and its multipart parser
 * reads every part before the first can be refused. So the subject is read from its first
 * {@value #MAX_HEADER_CHARS} characters; a From, Sender or To longer than that is no address list (the sender is
 * unknown, the recipients none); and a message with more than four lines starting with {@code --} per allowed
 * MIME part is unparseable before Jakarta Mail looks at its structure.
 */
public final class MessageParser {
    /** The most characters of a header field this parser decodes; RFC 5322 allows 998 per line. */
    public static final int MAX_HEADER_CHARS = 16 * 1024;
    private final ParserLimits limits;
    private final Session session;
    private final FileNameSanitizer sanitizer = new FileNameSanitizer();
    private final HtmlToText htmlToText = new HtmlToText();

    /** A parser with {@link ParserLimits#defaults()}. */
    public MessageParser() {
        this(ParserLimits.defaults());
    }

    /**
     * A parser with the given limits.
     *
     * @param limits never null
     */
    public MessageParser(ParserLimits limits) {
        this.limits = limits;
        this.session = Session.getInstance(lenientMimeProperties());
    }

    /**
     * Parses raw message bytes as fetched with {@code BODY.PEEK[]}.
     *
     * @param raw the message; never null
     * @return the outcome; never null
     */
    public ParseOutcome parse(byte[] raw) {
        if (raw.length > limits.maxMessageBytes()) {
            return tooLarge(raw.length);
        }
        long boundaries = (long) limits.maxParts() * 4;
        if (linesStartingWithTwoHyphens(raw, boundaries) > boundaries) {
            return new ParseOutcome.Unparseable(null, "more than " + boundaries + " lines starting with --: more MIME"
                    + " parts than the " + limits.maxParts() + " allowed");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            return new ParseOutcome.Unparseable(null, reasonOf(e));
        }
        return read(message, raw.length);
    }

    /**
     * Parses a message already loaded by Jakarta Mail; its size is measured by serializing it once.
     *
     * @param message the message; never null
     * @return the outcome; never null
     */
    public ParseOutcome parse(MimeMessage message) {
        long size;
        try {
            size = serializedSize(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            return new ParseOutcome.Unparseable(messageIdOrNull(message), reasonOf(e));
        }
        return size > limits.maxMessageBytes() ? tooLarge(size) : read(message, size);
    }

    private ParseOutcome read(MimeMessage message, long size) {
        String messageId = messageIdOrNull(message);
        try {
            MimeWalker walker = new MimeWalker(limits, sanitizer);
            walker.walk(message, 0);
            String body = walker.plainText();
            BodySource source = BodySource.TEXT_PLAIN;
            if (body == null && walker.htmlText() != null) {
                body = htmlToText.convert(walker.htmlText());
                source = BodySource.HTML;
            } else if (body == null) {
                body = "";
                source = BodySource.NONE;
            }
            return new ParseOutcome.Parsed(new ParsedMessage(messageId, firstFrom(message), recipients(message),
                    subject(message), sentDate(message), body, source, walker.attachments(), size));
        } catch (MessagingException | IOException | RuntimeException e) {
            return new ParseOutcome.Unparseable(messageId, reasonOf(e));
        }
    }

    private ParseOutcome tooLarge(long size) {
        return new ParseOutcome.TooLarge(null, size,
                "message is " + size + " bytes, over the " + limits.maxMessageBytes() + " byte limit");
    }

    private static String messageIdOrNull(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id == null || id.isBlank() ? null : id.strip();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** Counts lines that start with {@code --}, up to {@code limit + 1}. */
    private static long linesStartingWithTwoHyphens(byte[] raw, long limit) {
        long lines = 0;
        for (int i = 0; i + 1 < raw.length && lines <= limit; i++) {
            if ((i == 0 || raw[i - 1] == '\n') && raw[i] == '-' && raw[i + 1] == '-') {
                lines++;
            }
        }
        return lines;
    }

    /** What {@link MimeMessage#getSubject()} gives, from the field's first {@value #MAX_HEADER_CHARS} characters. */
    private static String subject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        String head = raw.length() > MAX_HEADER_CHARS ? raw.substring(0, MAX_HEADER_CHARS) : raw;
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(head));
        } catch (UnsupportedEncodingException e) {
            return head;
        }
    }

    /** Whether an address field is too long to be parsed: no real address list is. */
    private static boolean overlong(MimeMessage message, String field) throws MessagingException {
        String raw = message.getHeader(field, ",");
        return raw != null && raw.length() > MAX_HEADER_CHARS;
    }

    private static MailAddress firstFrom(MimeMessage message) {
        try {
            if (overlong(message, "From") || overlong(message, "Sender")) {
                return null;
            }
            Address[] from = message.getFrom();
            return from == null || from.length == 0 ? null : toMailAddress(from[0]);
        } catch (MessagingException | RuntimeException e) {
            // A broken From header leaves the sender unknown; the rest of the message is still usable.
            return null;
        }
    }

    private static List<MailAddress> recipients(MimeMessage message) {
        List<MailAddress> result = new ArrayList<>();
        try {
            if (overlong(message, "To")) {
                return result;
            }
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            for (Address address : to == null ? new Address[0] : to) {
                result.add(toMailAddress(address));
            }
        } catch (MessagingException | RuntimeException e) {
            result.clear();
        }
        return result;
    }

    private static MailAddress toMailAddress(Address address) {
        if (address instanceof InternetAddress internet) {
            String personal = internet.getPersonal();
            return new MailAddress(internet.getAddress() == null ? "" : internet.getAddress(),
                    personal == null || personal.isBlank() ? null : personal.strip());
        }
        return new MailAddress(address.toString(), null);
    }

    private static Instant sentDate(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static long serializedSize(MimeMessage message) throws MessagingException, IOException {
        CountingOutputStream counter = new CountingOutputStream();
        message.writeTo(counter);
        return counter.count;
    }

    private static String reasonOf(Exception e) {
        String message = e.getMessage();
        String reason = e instanceof MalformedMimeException ? message
                : e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    private static Properties lenientMimeProperties() {
        Properties properties = new Properties();
        // Session-level leniency for real-world mail; the other mail.mime.* switches are JVM-wide system
        // properties, which a library must not flip, so their defaults apply (and MimeWalker decodes names).
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    private static final class CountingOutputStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
