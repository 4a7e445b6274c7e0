package dev.fnbundle.email.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks the MIME tree of one message once: picks the first inline text/plain part (else the first text/html
 * part) as the body and lists every other leaf as an attachment. Not thread-safe: one instance per message.
 */
final class MimeWalker {
    private final ParserLimits limits;
    private final FileNameSanitizer sanitizer;
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    private String plain;
    private String html;
    private int parts;

    MimeWalker(ParserLimits limits, FileNameSanitizer sanitizer) {
        this.limits = limits;
        this.sanitizer = sanitizer;
    }

    /**
     * Visits a part and everything below it.
     *
     * @throws MalformedMimeException when the structure is broken or exceeds the limits
     */
    void walk(Part part, int depth) throws MessagingException, IOException {
        if (depth > limits.maxDepth()) {
            throw new MalformedMimeException("MIME nesting deeper than " + limits.maxDepth());
        }
        if (++parts > limits.maxParts()) {
            throw new MalformedMimeException("more than " + limits.maxParts() + " MIME parts");
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            if (!(part.getContent() instanceof Multipart multipart)) {
                throw new MalformedMimeException("multipart without a usable boundary");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attachment && "text/plain".equals(type) && plain == null) {
            plain = readText(part);
        } else if (!attachment && "text/html".equals(type) && html == null) {
            html = readText(part);
        } else {
            attachments.add(new AttachmentInfo(sanitizer.sanitize(fileName(part), type), type, countBytes(part)));
        }
    }

    String plainText() {
        return plain;
    }

    String htmlText() {
        return html;
    }

    List<AttachmentInfo> attachments() {
        return attachments;
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name != null && name.length() > MessageParser.MAX_HEADER_CHARS) {
            // Decoding is quadratic in the length; the sanitizer keeps 100 characters of a name anyway.
            name = name.substring(0, MessageParser.MAX_HEADER_CHARS);
        }
        if (name == null || !name.contains("=?")) {
            return name;
        }
        try {
            // RFC 2047 in a parameter is not standard, but common; mail.mime.decodefilename is JVM-wide.
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    static String baseType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            // RFC 2045 section 5.2: an unreadable Content-Type means text/plain; us-ascii.
            return "text/plain";
        }
    }

    private String readText(Part part) throws MessagingException, IOException {
        Charset charset = charsetOf(part);
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            // Four bytes per character is the UTF-8 worst case; the cut is re-applied in characters below.
            bytes = in.readNBytes(Math.multiplyExact(limits.maxBodyChars(), 4));
        }
        String text = new String(bytes, charset);
        return text.length() > limits.maxBodyChars() ? text.substring(0, limits.maxBodyChars()) : text;
    }

    static Charset charsetOf(Part part) throws MessagingException {
        String header = part.getContentType();
        String name = null;
        try {
            name = header == null ? null : new ContentType(header).getParameter("charset");
        } catch (ParseException e) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            // US-ASCII is the MIME default; UTF-8 reads it identically and rescues undeclared 8-bit text.
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.trim()));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static long countBytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
