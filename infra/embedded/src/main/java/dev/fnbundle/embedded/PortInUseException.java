package dev.fnbundle.embedded;

/** A fixed port a service needs is taken by another process. */
public final class PortInUseException extends RuntimeException {
    private final int port;

    public PortInUseException(String service, int port) {
        super(service + " cannot listen on port " + port + ": it is in use by another process"
                + " (stop it, or choose another port)");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
