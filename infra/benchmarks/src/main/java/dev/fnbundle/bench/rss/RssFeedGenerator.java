package dev.fnbundle.bench.rss;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a seeded RSS 2.0 file shaped like a WordPress feed (the most common kind on the web) without
 * {@code content:encoded} and comment links: titles with entities, links, {@code dc:creator}, RFC 822 dates, a
 * category, opaque guids, HTML descriptions (mostly CDATA, a third entity-escaped) with inline markup and
 * non-ASCII text, and an enclosure on every tenth item. Descriptions use inline markup and single spaces, the case
 * where the seed tutorial's regex summary and a real HTML-to-text conversion agree, so outputs can be compared.
 */
final class RssFeedGenerator {
    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua enim minim veniam quis nostrud exercitation "
            + "ullamco laboris nisi aliquip commodo consequat café naïve über résumé streaming parser feed")
            .split(" ");
    private static final String[] INLINE = {"b", "i", "em", "strong", "code"};
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Random random;

    RssFeedGenerator(long seed) {
        this.random = new Random(seed);
    }

    void write(Path file, int items) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n"
                    + "<title>Benchmark &amp; Co. engineering</title>\n<link>https://bench.example.com/</link>\n"
                    + "<description>Generated feed</description>\n<language>en</language>\n");
            StringBuilder item = new StringBuilder(2048);
            for (int n = 0; n < items; n++) {
                item.setLength(0);
                appendItem(item, n);
                out.append(item);
            }
            out.write("</channel>\n</rss>\n");
        }
    }

    private void appendItem(StringBuilder xml, int n) {
        String link = "https://bench.example.com/" + WORDS[n % WORDS.length] + "-" + n + "/";
        String tag = INLINE[random.nextInt(INLINE.length)];
        String body = "<p>" + words(2 + random.nextInt(6)) + " <" + tag + ">" + words(2) + "</" + tag + "> "
                + words(1 + random.nextInt(6)) + " <a href=\"#more\">" + words(1) + "</a> "
                + words(1 + random.nextInt(5)) + ".</p>";
        xml.append("<item>\n<title>").append(words(2 + random.nextInt(4))).append(" &amp; ").append(words(1))
                .append("</title>\n<link>").append(link).append("</link>\n<dc:creator>Author ").append(n % 97)
                .append("</dc:creator>\n<pubDate>").append(RFC_1123.format(Instant.ofEpochSecond(1_600_000_000L
                        + n * 137L))).append("</pubDate>\n<category><![CDATA[")
                .append(WORDS[random.nextInt(WORDS.length)]).append("]]></category>\n")
                .append("<guid isPermaLink=\"false\">https://bench.example.com/?p=")
                .append(n).append("</guid>\n");
        if (n % 3 == 0) {
            xml.append("<description>").append(body.replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;")).append("</description>\n");
        } else {
            xml.append("<description><![CDATA[").append(body).append("]]></description>\n");
        }
        if (n % 10 == 0) {
            xml.append("<enclosure url=\"https://cdn.bench.example.com/").append(n).append(".mp3\" length=\"")
                    .append(100_000 + n).append("\" type=\"audio/mpeg\"/>\n");
        }
        xml.append("</item>\n");
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
