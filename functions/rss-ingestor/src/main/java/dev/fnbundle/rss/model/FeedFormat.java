package dev.fnbundle.rss.model;

/** The dialect a feed document was written in, as recognized from its root element. */
public enum FeedFormat {
    /** {@code <rss version="0.91|0.92|...">} or the RDF-based RSS 0.90. */
    RSS_0_9X,
    /** {@code <rss version="2.0">} and any {@code <rss>} root without a 0.9x version. */
    RSS_2_0,
    /** {@code <rdf:RDF>} with the {@code http://purl.org/rss/1.0/} vocabulary. */
    RSS_1_0,
    /** {@code <feed xmlns="http://www.w3.org/2005/Atom">}. */
    ATOM_1_0,
    /** The pre-standard Atom 0.3 namespace, read with the Atom 1.0 mapping. */
    ATOM_0_3
}
