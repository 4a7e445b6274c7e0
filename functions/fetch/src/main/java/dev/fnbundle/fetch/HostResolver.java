package dev.fnbundle.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable so tests can map names to chosen addresses without DNS. */
@FunctionalInterface
public interface HostResolver {
    /**
     * @return every address of the host, never empty
     * @throws UnknownHostException when the name does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
