package dev.fnbundle.rss.parse;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes entry content safe to embed: jsoup's relaxed safelist (text formatting, links, images, lists, tables;
 * no scripts, styles, frames, forms, event-handler or style attributes, and only http/https/mailto/ftp link
 * targets and http/https images), with relative URLs made absolute against the content's base URI. A relative
 * URL that cannot be resolved (no base) is removed, since it would point into whatever site later shows it.
 */
final class HtmlSanitizer {
    private static final Cleaner CLEANER = new Cleaner(Safelist.relaxed().preserveRelativeLinks(false));

    private HtmlSanitizer() {
    }

    /**
     * @param html HTML source, may be null
     * @param base base URI for relative links, may be null
     * @return sanitized HTML, or null when nothing remains; O(length of html)
     */
    static String sanitize(String html, URI base) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base.toString());
        Document clean = CLEANER.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String result = clean.body().html().strip();
        return result.isEmpty() ? null : result;
    }
}
