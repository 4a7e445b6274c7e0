package dev.fnbundle.local.function;

import java.util.List;
import java.util.Map;

/**
 * The functions run under a debugger ({@code --debug FUNCTION[:PORT]}): each runs one instance whose JVM listens
 * for a debugger (JDWP) on 127.0.0.1 and its port, and whose Timeout is not enforced, so a breakpoint does not end
 * the invocation. With {@code suspend}, the JVM waits for the debugger before it starts (before the function's
 * init), and the runtime waits with it, however long.
 *
 * @param ports the JDWP port of each debugged function, by logical id
 */
public record DebugSettings(Map<String, Integer> ports, boolean suspend) {
    public static final DebugSettings NONE = new DebugSettings(Map.of(), false);

    public DebugSettings {
        ports = Map.copyOf(ports);
    }

    public boolean debugs(String function) {
        return ports.containsKey(function);
    }

    /** The JVM option that makes a function's JVM listen for a debugger, on loopback only. */
    List<String> jvmOptions(String function) {
        Integer port = ports.get(function);
        if (port == null) {
            return List.of();
        }
        return List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=" + (suspend ? "y" : "n")
                + ",address=127.0.0.1:" + port);
    }
}
