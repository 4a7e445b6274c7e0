package dev.fnbundle.rss.parse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * An RSS 2.0 document of {@code items} realistic items (~500 bytes each, HTML descriptions, categories, guids,
 * RFC 822 dates, some CDATA and enclosures) produced on the fly from a seed, never held whole in memory.
 * Descriptions use single spaces, inline markup and a {@code <p>} wrapper, so the seed tutorial's regex-based
 * summary and ours agree on them.
 */
final class GeneratedFeedStream extends InputStream {
    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua café naïve résumé über 😀 streaming parser")
            .split(" ");
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final int POOL = 64;

    private final int items;
    private final Random random;
    private final String[] titles = new String[POOL];
    private final String[] bodies = new String[POOL];
    private final String[] escapedBodies = new String[POOL];
    private int next;
    private byte[] chunk;
    private int chunkPos;
    private boolean done;

    GeneratedFeedStream(int items, long seed) {
        this.items = items;
        this.random = new Random(seed);
        // Text comes from a pool of pre-rendered variants so producing 100 MB costs little next to parsing it.
        for (int i = 0; i < POOL; i++) {
            titles[i] = words(4) + " &amp; more";
            bodies[i] = "<p>" + words(6) + " <b>" + words(2) + "</b> " + words(9) + " <a href=\"https://gen.example"
                    + ".com/about\">" + words(2) + "</a> " + words(4 + random.nextInt(20)) + ".</p>";
            escapedBodies[i] = bodies[i].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
        this.chunk = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>Generated &amp; big</title>\n"
                + "<link>https://gen.example.com/</link>\n<description>A generated feed</description>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (chunkPos >= chunk.length) {
            if (done) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, chunk.length - chunkPos);
        System.arraycopy(chunk, chunkPos, buffer, off, n);
        chunkPos += n;
        return n;
    }

    private void refill() {
        chunkPos = 0;
        if (next >= items) {
            chunk = "</channel>\n</rss>\n".getBytes(StandardCharsets.UTF_8);
            done = true;
            return;
        }
        StringBuilder xml = new StringBuilder(32 * 1024);
        for (int i = 0; i < 50 && next < items; i++, next++) {
            appendItem(xml, next);
        }
        chunk = xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendItem(StringBuilder xml, int n) {
        String link = "https://gen.example.com/posts/" + n;
        Instant published = Instant.ofEpochSecond(1_700_000_000L + n * 60L);
        int variant = random.nextInt(POOL);
        xml.append("<item>\n<title>Item ").append(n).append(' ').append(titles[variant]).append("</title>\n<link>")
                .append(link).append("</link>\n<guid isPermaLink=\"true\">").append(link).append("</guid>\n<pubDate>")
                .append(RFC_1123.format(published)).append("</pubDate>\n<dc:creator>Author ")
                .append(n % 97).append("</dc:creator>\n<category>cat").append(n % 13).append("</category>\n");
        if (n % 3 == 0) {
            xml.append("<description><![CDATA[").append(bodies[variant]).append("]]></description>\n");
        } else {
            xml.append("<description>").append(escapedBodies[variant]).append("</description>\n");
        }
        if (n % 10 == 0) {
            xml.append("<enclosure url=\"https://cdn.gen.example.com/").append(n)
                    .append(".mp3\" type=\"audio/mpeg\" length=\"").append(1000 + n).append("\"/>\n");
        }
        xml.append("</item>\n");
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
