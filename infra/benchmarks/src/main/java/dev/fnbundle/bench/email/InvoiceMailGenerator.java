package dev.fnbundle.bench.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Deterministic, realistic invoice mails: plain, multipart/alternative and mixed with a PDF attachment. */
final class InvoiceMailGenerator {
    private static final String[] VENDORS = {"Acme Billing", "Globex Accounts", "Initech", "Umbrella Store",
        "Hooli Cloud", "Vandelay Industries", "Maple Hosting", "=?UTF-8?Q?M=C3=BCller_GmbH?="};
    private static final String[] DOMAINS = {"acme.example", "globex.example", "initech.example",
        "umbrella.example", "hooli.example", "vandelay.example", "maple.example", "mueller.example"};

    private InvoiceMailGenerator() {
    }

    static List<byte[]> generate(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> messages = new ArrayList<>(count);
        byte[] pdf = new byte[6_000];
        random.nextBytes(pdf);
        String pdfBase64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pdf);
        for (int i = 0; i < count; i++) {
            int v = random.nextInt(VENDORS.length);
            String body = body(random, i);
            StringBuilder m = new StringBuilder();
            // Display names are plain or RFC 2047 encoded words, as real mailers send them.
            m.append("From: ").append(VENDORS[v]).append(" <billing@").append(DOMAINS[v]).append(">\r\n")
                    .append("To: accounts@example.com\r\n")
                    .append("Subject: Invoice INV-2026-").append(String.format("%05d", i)).append(" from ")
                    .append(VENDORS[v]).append("\r\n")
                    .append("Date: Wed, 13 May 2026 09:").append(String.format("%02d", i % 60)).append(":00 +0000\r\n")
                    .append("Message-ID: <bench-").append(i).append('@').append(DOMAINS[v]).append(">\r\n")
                    .append("MIME-Version: 1.0\r\n");
            int shape = random.nextInt(10);
            if (shape < 7) {
                m.append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                        .append(body);
            } else if (shape < 9) {
                m.append("Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n")
                        .append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                        .append(body).append("--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
                        .append("<html><body><pre>")
                        .append(body).append("</pre></body></html>\r\n--alt--\r\n");
            } else {
                m.append("Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n--mix\r\n")
                        .append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                        .append(body).append("--mix\r\nContent-Type: application/pdf\r\n")
                        .append("Content-Disposition: attachment; filename=\"invoice-").append(i).append(".pdf\"\r\n")
                        .append("Content-Transfer-Encoding: base64\r\n\r\n").append(pdfBase64)
                        .append("\r\n--mix--\r\n");
            }
            messages.add(m.toString().getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static String body(Random random, int i) {
        long cents = 1_000 + random.nextInt(500_000);
        String total = String.format("%,d.%02d", cents / 100, cents % 100);
        long sub = cents * 80 / 100;
        String subtotal = String.format("%,d.%02d", sub / 100, sub % 100);
        StringBuilder body = new StringBuilder("Hello,\r\n\r\nthank you for your business. ")
                .append("Your invoice details:\r\n\r\n");
        body.append("Invoice number: INV-2026-").append(String.format("%05d", i)).append("\r\n");
        int lines = 2 + random.nextInt(6);
        for (int l = 0; l < lines; l++) {
            body.append("Service line ").append(l + 1).append(" .......... $")
                    .append(random.nextInt(900) + 10).append('.').append(String.format("%02d", random.nextInt(100)))
                    .append("\r\n");
        }
        body.append("Subtotal: $").append(subtotal).append("\r\n");
        if (random.nextInt(4) == 0) {
            body.append("Gesamtbetrag: ").append(total.replace(',', ' ').replace('.', ',')).append(" €\r\n");
        } else {
            body.append("Total: $").append(total).append("\r\n");
        }
        body.append("Due date: 2026-06-").append(String.format("%02d", 1 + random.nextInt(28))).append("\r\n");
        body.append("\r\nPlease pay within 30 days. Questions? Reply to this email.\r\n");
        return body.toString();
    }
}
