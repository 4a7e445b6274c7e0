package dev.fnbundle.rss.parse;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The JDK's own StAX implementation, locked down: no DTD support, no external entities or DTD access, a resolver
 * that refuses everything, namespace-aware, non-coalescing (text arrives in bounded chunks), and explicit JDK
 * limits so behaviour does not depend on the runtime's {@code jaxp.properties}. Entity size limits are lifted
 * because {@link XmlRepairReader} removes every DTD, so only the five predefined entities can occur, and newer
 * JDKs count each {@code &lt;} toward a 100 000 limit that a large feed of escaped HTML exceeds.
 */
final class HardenedStax {
    private HardenedStax() {
    }

    /** A new factory; a factory is not shared across threads. */
    static XMLInputFactory factory(FeedLimits limits) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never loaded");
        });
        factory.setProperty("jdk.xml.maxElementDepth", String.valueOf(limits.maxDepth() + 1));
        factory.setProperty("jdk.xml.elementAttributeLimit", "256");
        factory.setProperty("jdk.xml.maxXMLNameLimit", "1000");
        factory.setProperty("jdk.xml.entityExpansionLimit", "1000");
        factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "0");
        factory.setProperty("jdk.xml.totalEntitySizeLimit", "0");
        return factory;
    }
}
