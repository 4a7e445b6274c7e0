package dev.fnbundle.rss.testing;

/** Feed documents for tests. */
public final class Feeds {
    private Feeds() {
    }

    /** An RSS 2.0 feed with items {@code first..last} (newest first), each with a guid, link and date. */
    public static String rss(String title, int first, int last) {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(title).append("</title><link>https://site.example.com/</link>");
        for (int i = last; i >= first; i--) {
            xml.append("<item><title>Post ").append(i).append("</title>")
                    .append("<link>https://site.example.com/posts/").append(i).append("</link>")
                    .append("<guid>post-").append(i).append("</guid>")
                    .append("<pubDate>").append(String.format("%02d", i)).append(" Nov 2024 09:00:00 GMT</pubDate>")
                    .append("<description>Body of post ").append(i).append("</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
